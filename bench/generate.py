"""Synthetic letter projects for benchmarks: the IAP letter's text, N generated signatories.

The text files (manifest, letter, footnotes, recipients, the French edition) are the
repository's own `data/`, so only the signatory list grows. Signatories are
drawn from a seeded `random.Random`: the same N and seed give the same bytes on
every machine, with no clock and no network. Names are unique under the
duplicate rule's normalisation, and every project passes `petition check --strict`.

Library:  generate_project(path, n, fmt)
Command:  python bench/generate.py OUT_DIR [--sizes 140 1000] [--formats yaml csv]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import shutil
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from petitioncli.text import normalise_name

SIZES = (140, 1_000, 10_000, 100_000)
FORMATS = ("yaml", "csv")
SEED = 2017
FIELDS = ("name", "affiliation", "location", "country", "url", "status")
DATA = Path(__file__).resolve().parent.parent / "data"
TEXT_FILES = ("petition.yaml", "letter.md", "footnotes.yaml", "recipients.yaml", "letter.fr.md", "footnotes.fr.yaml")
# A synthetic name that keeps colliding means a pool is exhausted, not bad luck.
MAX_ATTEMPTS = 10_000


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str  # ISO 3166-1 alpha-2
    script: str  # which name pools suit people and organisations there


# Cities are where the realism of a list comes from: names follow the script of
# the place, country codes include NO (which YAML reads as false unless quoted).
CITIES = (
    City("London", "GB", "latin"),
    City("Manchester", "GB", "latin"),
    City("Dublin", "IE", "latin"),
    City("Oslo", "NO", "latin"),
    City("Tromsø", "NO", "latin"),
    City("Bergen", "NO", "latin"),
    City("Stockholm", "SE", "latin"),
    City("Malmö", "SE", "latin"),
    City("Copenhagen", "DK", "latin"),
    City("Reykjavík", "IS", "latin"),
    City("Helsinki", "FI", "latin"),
    City("Tallinn", "EE", "latin"),
    City("Rīga", "LV", "latin"),
    City("Vilnius", "LT", "latin"),
    City("Warsaw", "PL", "latin"),
    City("Kraków", "PL", "latin"),
    City("Wrocław", "PL", "latin"),
    City("Prague", "CZ", "latin"),
    City("Brno", "CZ", "latin"),
    City("Bratislava", "SK", "latin"),
    City("Budapest", "HU", "latin"),
    City("Vienna", "AT", "latin"),
    City("Zürich", "CH", "latin"),
    City("Geneva", "CH", "latin"),
    City("Bern", "CH", "latin"),
    City("Berlin", "DE", "latin"),
    City("Düsseldorf", "DE", "latin"),
    City("Munich", "DE", "latin"),
    City("Amsterdam", "NL", "latin"),
    City("The Hague", "NL", "latin"),
    City("Utrecht", "NL", "latin"),
    City("Brussels", "BE", "latin"),
    City("Liège", "BE", "latin"),
    City("Paris", "FR", "latin"),
    City("Lyon", "FR", "latin"),
    City("Montréal", "CA", "latin"),
    City("Toronto", "CA", "latin"),
    City("New York", "US", "latin"),
    City("Washington, DC", "US", "latin"),
    City("San Francisco", "US", "latin"),
    City("Mexico City", "MX", "latin"),
    City("Bogotá", "CO", "latin"),
    City("Medellín", "CO", "latin"),
    City("Lima", "PE", "latin"),
    City("Asunción", "PY", "latin"),
    City("Buenos Aires", "AR", "latin"),
    City("Santiago", "CL", "latin"),
    City("São Paulo", "BR", "latin"),
    City("Belém", "BR", "latin"),
    City("Lisbon", "PT", "latin"),
    City("Madrid", "ES", "latin"),
    City("Barcelona", "ES", "latin"),
    City("Rome", "IT", "latin"),
    City("Milan", "IT", "latin"),
    City("Ljubljana", "SI", "latin"),
    City("Zagreb", "HR", "latin"),
    City("Sarajevo", "BA", "latin"),
    City("Belgrade", "RS", "latin"),
    City("Priština", "XK", "latin"),
    City("Tirana", "AL", "latin"),
    City("Bucharest", "RO", "latin"),
    City("Cluj-Napoca", "RO", "latin"),
    City("Chișinău", "MD", "latin"),
    City("Istanbul", "TR", "latin"),
    City("Diyarbakır", "TR", "latin"),
    City("Baku", "AZ", "latin"),
    City("Tbilisi", "GE", "latin"),
    City("Yerevan", "AM", "latin"),
    City("Dakar", "SN", "latin"),
    City("Bamako", "ML", "latin"),
    City("Niamey", "NE", "latin"),
    City("Lomé", "TG", "latin"),
    City("Cotonou", "BJ", "latin"),
    City("Yaoundé", "CM", "latin"),
    City("Kinshasa", "CD", "latin"),
    City("Lagos", "NG", "latin"),
    City("Accra", "GH", "latin"),
    City("Nairobi", "KE", "latin"),
    City("Kampala", "UG", "latin"),
    City("Kigali", "RW", "latin"),
    City("Harare", "ZW", "latin"),
    City("Kwekwe", "ZW", "latin"),
    City("Johannesburg", "ZA", "latin"),
    City("Tunis", "TN", "latin"),
    City("Rabat", "MA", "latin"),
    City("Cairo", "EG", "latin"),
    City("Beirut", "LB", "latin"),
    City("Amman", "JO", "latin"),
    City("Delhi", "IN", "latin"),
    City("Mumbai", "IN", "latin"),
    City("Dhaka", "BD", "latin"),
    City("Kathmandu", "NP", "latin"),
    City("Colombo", "LK", "latin"),
    City("Jakarta", "ID", "latin"),
    City("Manila", "PH", "latin"),
    City("Hanoi", "VN", "latin"),
    City("Chiang Mai", "TH", "latin"),
    City("Bangkok", "TH", "latin"),
    City("Kuala Lumpur", "MY", "latin"),
    City("Sydney", "AU", "latin"),
    City("Wellington", "NZ", "latin"),
    City("Moscow", "RU", "cyrillic"),
    City("Kazan", "RU", "cyrillic"),
    City("Kyiv", "UA", "cyrillic"),
    City("Kharkiv", "UA", "cyrillic"),
    City("Lviv", "UA", "cyrillic"),
    City("Minsk", "BY", "cyrillic"),
    City("Almaty", "KZ", "cyrillic"),
    City("Astana", "KZ", "cyrillic"),
    City("Bishkek", "KG", "cyrillic"),
    City("Athens", "GR", "greek"),
    City("Thessaloniki", "GR", "greek"),
    City("Nicosia", "CY", "greek"),
    City("Hong Kong SAR", "HK", "chinese"),
    City("Taipei", "TW", "chinese"),
    City("Macau", "MO", "chinese"),
    City("Tokyo", "JP", "japanese"),
    City("Osaka", "JP", "japanese"),
    City("Seoul", "KR", "korean"),
    City("Busan", "KR", "korean"),
)
COUNTRY_NAMES = {
    "NO": "Norway",
    "BJ": "Benin",
    "ZW": "Zimbabwe",
    "KE": "Kenya",
    "AZ": "Azerbaijan",
    "KZ": "Kazakhstan",
    "TR": "Turkey",
    "PH": "Philippines",
    "CO": "Colombia",
    "UA": "Ukraine",
    "GR": "Greece",
    "NL": "the Netherlands",
    "CH": "Switzerland",
    "JP": "Japan",
}
# Locations as the IAP list writes them: shared offices, none of them one country.
SHARED_LOCATIONS = ("Baku/Tbilisi", "Geneva and Brussels", "London/Nairobi", "Online")

LATIN_FIRST = (
    "Ana",
    "José",
    "María",
    "João",
    "Zoë",
    "Chloé",
    "Søren",
    "Åsa",
    "Björn",
    "Łukasz",
    "Małgorzata",
    "Jiří",
    "Ştefan",
    "Çağla",
    "Gülşen",
    "Thảo",
    "Chiamaka",
    "Oluwaseun",
    "Amara",
    "Kwame",
    "Fatoumata",
    "Aïssata",
    "Ngozi",
    "Tendai",
    "Farida",
    "Leïla",
    "Youssef",
    "Inès",
    "Hélène",
    "François",
    "Jürgen",
    "Dörte",
    "Ingrid",
    "Sigrún",
    "Þórdís",
    "Ólafur",
    "Aleksandra",
    "Mateusz",
    "Agnieszka",
    "Zuzana",
    "Ľubomír",
    "Katarína",
    "Gábor",
    "Zsófia",
    "Réka",
    "Andrés",
    "Begoña",
    "Íñigo",
    "Araceli",
    "Lucía",
    "Sebastián",
    "Ximena",
    "Joaquín",
    "Conceição",
    "Luís",
    "Gonçalo",
    "Beatriz",
    "Raphaël",
    "Noémie",
    "Maëlle",
    "Siobhán",
    "Seán",
    "Aoife",
    "Niamh",
    "Ciarán",
    "Emma",
    "Liam",
    "Olivia",
    "Noah",
    "Priya",
    "Arjun",
    "Ananya",
    "Rahul",
    "Emre",
    "Elif",
    "Oğuz",
    "Ayşe",
    "Dilara",
    "Minh",
    "Nadia",
    "Karim",
    "Salma",
    "Tomás",
    "Ivana",
    "Dragan",
    "Milica",
    "Edona",
    "Arben",
    "Ioana",
    "Mihai",
    "Anahit",
    "Tigran",
    "Nino",
    "Giorgi",
    "Leyla",
    "Rauf",
    "Wanjiru",
    "Achieng",
    "Kofi",
    "Abena",
    "Thandiwe",
    "Sipho",
    "Mariam",
    "Hamza",
    "Rania",
    "Dewi",
    "Budi",
    "Maricel",
    "Jun",
    "Anh",
    "Kirra",
    "Mereana",
)
LATIN_LAST = (
    "Fernández",
    "García",
    "Müller",
    "Schröder",
    "Novák",
    "Dvořák",
    "Wiśniewska",
    "Nowak",
    "Łukaszewicz",
    "Andrić",
    "Petrović",
    "Kovačević",
    "Horváth",
    "Szabó",
    "Nagy",
    "Popescu",
    "Ştefănescu",
    "Yılmaz",
    "Öztürk",
    "Şahin",
    "Çelik",
    "Nguyễn",
    "Trần",
    "Phạm",
    "O'Brien",
    "Ní Bhriain",
    "Dupont",
    "Lefèvre",
    "Bérubé",
    "Gauthier",
    "Okonkwo",
    "Adébáyọ̀",
    "Diallo",
    "Traoré",
    "Coulibaly",
    "Touré",
    "Ndiaye",
    "Mensah",
    "Boateng",
    "Mwangi",
    "Otieno",
    "da Silva",
    "dos Santos",
    "Gonçalves",
    "Araújo",
    "Magalhães",
    "Pérez",
    "Rodríguez",
    "Gutiérrez",
    "Muñoz",
    "Ibáñez",
    "Núñez",
    "Jiménez",
    "Sánchez",
    "Åberg",
    "Lindqvist",
    "Sørensen",
    "Jørgensen",
    "Østergaard",
    "Guðmundsdóttir",
    "Virtanen",
    "Mäkinen",
    "Häkkinen",
    "Tamm",
    "Ozoliņa",
    "Kazlauskas",
    "Žukauskienė",
    "de Vries",
    "van den Berg",
    "Jansen",
    "Bakker",
    "Peeters",
    "Janssens",
    "Rossi",
    "Bianchi",
    "Esposito",
    "Colombo",
    "Hadžić",
    "Begović",
    "Hoxha",
    "Krasniqi",
    "Sharma",
    "Patel",
    "Iyer",
    "Chatterjee",
    "Rahman",
    "Hossain",
    "Haddad",
    "Benali",
    "El Amrani",
    "Mansour",
    "Santoso",
    "Wijaya",
    "Reyes",
    "Bautista",
    "Grigoryan",
    "Beridze",
    "Məmmədova",
    "Abdullayev",
    "Kariuki",
    "Nakato",
    "Moyo",
    "Dlamini",
    "Achterberg",
    "Ó Súilleabháin",
)
CYRILLIC_FIRST = (
    "Ольга",
    "Анна",
    "Наталья",
    "Ирина",
    "Екатерина",
    "Мария",
    "Татьяна",
    "Юлия",
    "Дмитрий",
    "Алексей",
    "Сергей",
    "Андрей",
    "Игорь",
    "Олег",
    "Михаил",
    "Павел",
    "Тарас",
    "Богдан",
    "Оксана",
    "Олена",
    "Мирослава",
    "Святослав",
    "Ярослав",
    "Гульнара",
    "Айгуль",
    "Нурлан",
    "Ержан",
    "Алмаз",
    "Бахыт",
    "Динара",
    "Зарина",
    "Тимур",
    "Руслан",
    "Аскар",
    "Жанна",
    "Людмила",
    "Галина",
    "Владимир",
    "Фёдор",
    "Алёна",
    "Пётр",
    "Артём",
    "Ксения",
    "Євген",
    "Ірина",
    "Юрій",
)
# Surnames that take no gendered ending, so any first name fits.
CYRILLIC_LAST = (
    "Шевченко",
    "Коваленко",
    "Бондаренко",
    "Ткаченко",
    "Кравченко",
    "Мельник",
    "Лысенко",
    "Кравчук",
    "Ковальчук",
    "Мельничук",
    "Бондарь",
    "Гончар",
    "Шевчук",
    "Савчук",
    "Поліщук",
    "Дорошенко",
    "Марченко",
    "Петренко",
    "Руденко",
    "Павленко",
    "Литвиненко",
    "Кузьменко",
    "Клименко",
    "Білик",
    "Гаврилюк",
    "Стасюк",
    "Романюк",
    "Данилюк",
    "Остапчук",
    "Козак",
    "Ткач",
    "Коваль",
    "Мороз",
    "Ким",
    "Цой",
    "Пак",
    "Шульц",
    "Левченко",
    "Онищенко",
    "Сидоренко",
    "Мацюк",
    "Федорук",
)
GREEK_MALE = (
    "Γιώργος",
    "Δημήτρης",
    "Νίκος",
    "Κώστας",
    "Γιάννης",
    "Παναγιώτης",
    "Βασίλης",
    "Χρήστος",
    "Αθανάσιος",
    "Μιχάλης",
    "Σπύρος",
    "Θανάσης",
    "Άγγελος",
    "Στέλιος",
    "Ηλίας",
)
GREEK_FEMALE = (
    "Μαρία",
    "Ελένη",
    "Αικατερίνη",
    "Βασιλική",
    "Σοφία",
    "Αγγελική",
    "Γεωργία",
    "Δήμητρα",
    "Κωνσταντίνα",
    "Ευαγγελία",
    "Ιωάννα",
    "Χριστίνα",
    "Ζωή",
    "Φωτεινή",
    "Ειρήνη",
)
# (masculine, feminine) forms: Greek surnames agree with the bearer.
GREEK_LAST = (
    ("Παπαδόπουλος", "Παπαδοπούλου"),
    ("Παπαγεωργίου", "Παπαγεωργίου"),
    ("Οικονόμου", "Οικονόμου"),
    ("Γεωργίου", "Γεωργίου"),
    ("Νικολάου", "Νικολάου"),
    ("Βασιλείου", "Βασιλείου"),
    ("Ιωάννου", "Ιωάννου"),
    ("Κωνσταντίνου", "Κωνσταντίνου"),
    ("Αθανασίου", "Αθανασίου"),
    ("Χριστοδούλου", "Χριστοδούλου"),
    ("Δημητρίου", "Δημητρίου"),
    ("Μακρής", "Μακρή"),
    ("Παππάς", "Παππά"),
    ("Καραγιάννης", "Καραγιάννη"),
    ("Λαμπράκης", "Λαμπράκη"),
    ("Μαυρίδης", "Μαυρίδη"),
    ("Σταματόπουλος", "Σταματοπούλου"),
    ("Κυριακίδης", "Κυριακίδου"),
    ("Αντωνίου", "Αντωνίου"),
    ("Ευαγγέλου", "Ευαγγέλου"),
    ("Τσακίρης", "Τσακίρη"),
)
CHINESE_FAMILY = (
    "王",
    "李",
    "张",
    "刘",
    "陈",
    "杨",
    "黄",
    "赵",
    "吴",
    "周",
    "徐",
    "孙",
    "马",
    "朱",
    "胡",
    "郭",
    "何",
    "林",
    "罗",
    "高",
    "郑",
    "梁",
    "谢",
    "宋",
    "唐",
    "许",
    "韩",
    "冯",
    "邓",
    "曹",
    "欧阳",
    "司马",
)
CHINESE_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国文玉兰晓红燕婷雪慧宇浩子涵欣怡嘉俊思雨佳博晨梓"
JAPANESE_FAMILY = (
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
    "木村",
    "林",
    "清水",
    "山崎",
)
JAPANESE_GIVEN = (
    "花子",
    "陽子",
    "美咲",
    "さくら",
    "結衣",
    "翔太",
    "健太",
    "大輔",
    "拓也",
    "直樹",
    "由美",
    "恵子",
    "裕子",
    "真由美",
    "和也",
    "浩二",
    "誠",
    "優子",
    "彩",
    "葵",
    "蓮",
    "悠真",
    "陽菜",
    "湊",
)
KOREAN_FAMILY = "김이박최정강조윤장임한오서신권황안송류홍"
KOREAN_SYLLABLES = "민서준지현우예도하윤수영은진성호연아경혜주원"

ORG_KINDS = (
    "Centre",
    "Network",
    "Coalition",
    "Foundation",
    "Institute",
    "Association",
    "Initiative",
    "Alliance",
    "Forum",
    "Council",
    "Committee",
    "Union",
    "League",
    "Society",
    "Project",
    "Watch",
    "Collective",
    "Trust",
    "Observatory",
    "Clinic",
)
ORG_TOPICS = (
    "Human Rights",
    "Legal Aid",
    "Press Freedom",
    "Environmental Justice",
    "Women's Rights",
    "Civil Liberties",
    "Fair Trial",
    "Anti-Torture",
    "Migrant Rights",
    "Labour Rights",
    "Indigenous Rights",
    "Digital Rights",
    "Minority Rights",
    "Rule of Law",
    "Open Justice",
    "Transparency",
    "Democracy",
    "Peacebuilding",
    "Child Rights",
    "Disability Rights",
    "Housing Rights",
    "Land Rights",
    "Refugee Support",
    "Media Defence",
    "Prison Reform",
)
ORG_CAUSES = (
    "Human Rights and Democracy",
    "the Independence of Lawyers",
    "Press Freedom",
    "the Rule of Law",
    "Justice and Accountability",
    "the Rights of Detainees",
    "Fair Trials",
    "the Prevention of Torture",
    "Civic Space",
    "Victims of Enforced Disappearance",
    "Judicial Independence",
    "the Freedom of Assembly",
    "Environmental Defenders",
    "the Rights of Women Human Rights Defenders",
    "Peace and Reconciliation",
)
REGIONS = (
    "Central Asia",
    "the South Caucasus",
    "East Africa",
    "West Africa",
    "Southern Africa",
    "the Great Lakes Region",
    "South East Asia",
    "the Western Balkans",
    "the Andean Region",
    "Central America",
    "the Middle East and North Africa",
    "the Nordic Countries",
    "Eastern Europe",
)
FRENCH_KINDS = ("Association", "Ligue", "Collectif", "Observatoire", "Coalition", "Comité", "Réseau", "Mouvement")
FRENCH_CAUSES = (
    "pour la défense des droits humains",
    "des droits de l'Homme",
    "pour la liberté de la presse",
    "contre la torture",
    "pour la justice environnementale",
    "des juristes engagés",
    "pour l'accès à la justice",
    "des défenseurs des droits humains",
    "pour une justice équitable",
)
SPANISH_KINDS = ("Fundación", "Asociación", "Centro", "Colectivo", "Observatorio", "Comisión", "Red", "Coordinadora")
SPANISH_CAUSES = (
    "por los Derechos Humanos",
    "de Abogados Democráticos",
    "para la Justicia y la Paz",
    "de Derechos Indígenas",
    "por la Libertad de Expresión",
    "de Familiares de Detenidos Desaparecidos",
    "de Estudios Jurídicos y Sociales",
    "por la Memoria y la Verdad",
)
PORTUGUESE_KINDS = ("Associação", "Centro", "Instituto", "Movimento", "Rede", "Coletivo")
PORTUGUESE_CAUSES = (
    "de Direitos Humanos",
    "pela Justiça Ambiental",
    "de Apoio Jurídico Popular",
    "pela Liberdade de Imprensa",
    "de Defesa da Cidadania",
    "dos Povos Indígenas",
)
GERMAN_KINDS = ("Verein", "Arbeitskreis", "Stiftung", "Netzwerk", "Initiative", "Komitee")
GERMAN_CAUSES = (
    "für Menschenrechte",
    "für Pressefreiheit",
    "gegen Folter",
    "für faire Verfahren",
    "für Flüchtlingshilfe",
)
CYRILLIC_KINDS = (
    "Правозащитный центр",
    "Общественное объединение",
    "Фонд",
    "Ассоциация адвокатов",
    "Коалиция",
    "Союз журналистов",
    "Юридическая клиника",
    "Центр гражданских свобод",
    "Інститут прав людини",
    "Громадська організація",
    "Бюро по правам человека",
)
CYRILLIC_WORDS = (
    "Надежда",
    "Свобода",
    "Право",
    "Голос",
    "Солидарность",
    "Диалог",
    "Защита",
    "Справедливость",
    "Правда",
    "Рассвет",
    "Горизонт",
    "Мост",
    "Открытый мир",
    "Гражданин",
    "Эхо",
    "Перспектива",
    "Довіра",
    "Воля",
    "Гідність",
    "Світло",
)
GREEK_KINDS = ("Ένωση", "Κέντρο", "Δίκτυο", "Παρατηρητήριο", "Σύλλογος", "Ίδρυμα", "Πρωτοβουλία")
GREEK_CAUSES = (
    "για τα Ανθρώπινα Δικαιώματα",
    "για την Ελευθερία του Τύπου",
    "Δικηγόρων για τα Δικαιώματα των Προσφύγων",
    "για την Κοινωνική Δικαιοσύνη",
    "για τη Διαφάνεια",
    "κατά των Διακρίσεων",
)
CHINESE_PLACES = ("香港", "台北", "澳门", "台中", "高雄", "新竹")
CHINESE_CAUSES = ("人权", "劳工权益", "法律援助", "公民社会", "新闻自由", "环境正义", "性别平等", "司法改革")
CHINESE_KINDS = ("中心", "协会", "联盟", "网络", "基金会", "观察", "研究所")
JAPANESE_PLACES = ("東京", "大阪", "京都", "札幌", "福岡", "沖縄")
JAPANESE_CAUSES = ("人権", "弁護士", "難民支援", "報道の自由", "市民", "環境")
JAPANESE_KINDS = ("の会", "センター", "ネットワーク", "フォーラム", "協議会")
KOREAN_PLACES = ("서울", "부산", "광주", "대구", "인천")
KOREAN_ORGS = ("인권센터", "민주사회를 위한 변호사모임", "참여연대", "인권운동사랑방", "공익인권법재단")

ROLES = (
    "Professor of International Law",
    "Senior Lecturer in Human Rights Law",
    "Lawyer",
    "Attorney at Law",
    "Journalist",
    "Former Judge",
    "Former Public Prosecutor",
    "Researcher",
    "PhD Candidate",
    "Human Rights Defender",
    "Member of Parliament",
    "Director",
    "Programme Officer",
    "Policy Adviser",
    "Editor-in-Chief",
    "Legal Counsel",
    "Trade Unionist",
    "Ombudsperson",
)
UNIVERSITY_BY_COUNTRY = {
    **dict.fromkeys(("ES", "MX", "CO", "PE", "PY", "AR", "CL"), "Universidad de {city}"),
    **dict.fromkeys(("PT", "BR"), "Universidade de {city}"),
    **dict.fromkeys(("FR", "BE", "SN", "ML", "NE", "TG", "BJ", "CM", "CD", "TN", "MA"), "Université de {city}"),
    **dict.fromkeys(("DE", "AT", "CH"), "Universität {city}"),
}
INSTITUTIONS = {
    "latin": ("{university}", "{city} Bar Association", "Law Faculty, {university}", "{city} Law School"),
    "cyrillic": ("Университет {city}", "Коллегия адвокатов {city}", "Університет {city}"),
    "greek": ("Πανεπιστήμιο {city}", "Δικηγορικός Σύλλογος {city}"),
    "chinese": ("{city}大学", "{city}律师公会"),
    "japanese": ("{city}大学", "{city}弁護士会"),
    "korean": ("서울대학교", "부산대학교", "대한변호사협회"),
}
# Long affiliations exercise wrapping and column widths in every renderer.
LONG_AFFILIATION = "Chair of Comparative Constitutional Law and Human Rights, Faculty of Law, University of {city}"
CITY_IN_SCRIPT = {
    "Moscow": "Москвы",
    "Kazan": "Казани",
    "Kyiv": "Києва",
    "Kharkiv": "Харкова",
    "Lviv": "Львова",
    "Minsk": "Минска",
    "Almaty": "Алматы",
    "Astana": "Астаны",
    "Bishkek": "Бишкека",
    "Athens": "Αθηνών",
    "Thessaloniki": "Θεσσαλονίκης",
    "Nicosia": "Λευκωσίας",
    "Hong Kong SAR": "香港",
    "Taipei": "台北",
    "Macau": "澳门",
    "Tokyo": "東京",
    "Osaka": "大阪",
}
# Share of each script among the signatories' cities: a mostly Latin-script list,
# as international letters are, with every other script well represented.
SCRIPT_WEIGHTS = {"latin": 70, "cyrillic": 10, "greek": 5, "chinese": 6, "japanese": 5, "korean": 4}
# How often an organisation in a city of another script still has a Latin-script
# name (people: half as often). The native pools are small, so when they run out
# the retries after a collision land on Latin-script names.
LATIN_NAME_SHARE = 0.4
CITIES_BY_SCRIPT = {script: tuple(c for c in CITIES if c.script == script) for script in SCRIPT_WEIGHTS}


def _initials(text: str) -> str:
    return "".join(word[0] for word in text.split() if word[0].isupper() and len(word) > 2)


def _ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return "-".join(re.findall(r"[a-z0-9]+", folded))


def _orcid(rng: random.Random) -> str:
    """An ORCID iD with a valid ISO 7064 11,2 check digit, as researchers sign with."""
    digits = [rng.randrange(10) for _ in range(15)]
    total = 0
    for digit in digits:
        total = (total + digit) * 2
    check = (12 - total % 11) % 11
    body = "".join(map(str, digits)) + ("X" if check == 10 else str(check))
    return "https://orcid.org/" + "-".join(body[i : i + 4] for i in range(0, 16, 4))


class _Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.seen: set[str] = set()

    def signatories(self, n: int) -> list[dict[str, str]]:
        return [self.signatory() for _ in range(n)]

    def signatory(self) -> dict[str, str]:
        rng = self.rng
        script = rng.choices(tuple(SCRIPT_WEIGHTS), weights=tuple(SCRIPT_WEIGHTS.values()))[0]
        city = rng.choice(CITIES_BY_SCRIPT[script])
        if rng.random() < 0.45:
            record = self.unique(lambda: self.organisation(script, city))
        else:
            record = self.unique(lambda: self.person(script, city))
        self.place(record, city)
        roll = rng.random()
        if roll < 0.02:
            record["status"] = "pending"
        elif roll < 0.03:
            record["status"] = "withdrawn"
        elif roll < 0.08:
            record["status"] = "confirmed"
        return record

    def unique(self, make: Callable[[], dict[str, str]]) -> dict[str, str]:
        for _ in range(MAX_ATTEMPTS):
            record = make()
            key = normalise_name(record["name"])
            if key not in self.seen:
                self.seen.add(key)
                return record
        raise RuntimeError(f"name pools exhausted after {len(self.seen)} unique names")

    def place(self, record: dict[str, str], city: City) -> None:
        roll = self.rng.random()
        if roll < 0.65:
            record["location"] = city.name
            if self.rng.random() < 0.85:
                record["country"] = city.country
        elif roll < 0.72:
            code = self.rng.choice(tuple(COUNTRY_NAMES))
            record["location"] = COUNTRY_NAMES[code]
            record["country"] = code
        elif roll < 0.74:
            record["location"] = self.rng.choice(SHARED_LOCATIONS)

    def organisation(self, script: str, city: City) -> dict[str, str]:
        rng = self.rng
        local = CITY_IN_SCRIPT.get(city.name, city.name)
        if script == "latin" or rng.random() < LATIN_NAME_SHARE:
            name = self.latin_organisation(city)
        elif script == "cyrillic":
            name = f"{rng.choice(CYRILLIC_KINDS)} «{rng.choice(CYRILLIC_WORDS)}»"
            if rng.random() < 0.5:
                name += f" {local}"
        elif script == "greek":
            name = f"{rng.choice(GREEK_KINDS)} {rng.choice(GREEK_CAUSES)} {local}"
        elif script == "chinese":
            name = f"{rng.choice(CHINESE_PLACES)}{rng.choice(CHINESE_CAUSES)}{rng.choice(CHINESE_KINDS)}"
        elif script == "japanese":
            name = f"{rng.choice(JAPANESE_PLACES)}{rng.choice(JAPANESE_CAUSES)}{rng.choice(JAPANESE_KINDS)}"
        else:
            name = f"{rng.choice(KOREAN_PLACES)}{rng.choice(KOREAN_ORGS)}"
        record = {"name": name}
        slug = _ascii_slug(name)[:48].strip("-")
        if slug and rng.random() < 0.3:
            tld = rng.choice(("org", "org", "net", city.country.lower()))
            record["url"] = f"https://www.{slug}.{tld}"
        return record

    def latin_organisation(self, city: City) -> str:
        rng = self.rng
        template = rng.randrange(9)
        if template == 0:
            name = f"{city.name} {rng.choice(ORG_TOPICS)} {rng.choice(ORG_KINDS)}"
        elif template == 1:
            name = f"{rng.choice(ORG_KINDS)} for {rng.choice(ORG_CAUSES)} in {rng.choice(REGIONS)}"
        elif template == 2:
            name = f"{rng.choice(ORG_TOPICS)} {rng.choice(ORG_KINDS)} of {city.name}"
        elif template == 3:
            name = f"{rng.choice(FRENCH_KINDS)} {rng.choice(FRENCH_CAUSES)} de {city.name}"
        elif template == 4:
            name = f"{rng.choice(SPANISH_KINDS)} {rng.choice(SPANISH_CAUSES)} de {city.name}"
        elif template == 5:
            name = f"{rng.choice(PORTUGUESE_KINDS)} {rng.choice(PORTUGUESE_CAUSES)} de {city.name}"
        elif template == 6:
            name = f"{rng.choice(GERMAN_KINDS)} {rng.choice(GERMAN_CAUSES)} {city.name}"
        elif template == 7:
            # The long names of real umbrella bodies, for line breaking.
            name = (
                f"{rng.choice(ORG_KINDS)} for the Protection of {rng.choice(ORG_CAUSES)} "
                f"and {rng.choice(ORG_CAUSES)} in {rng.choice(REGIONS)}"
            )
        else:
            name = f"{rng.choice(ORG_KINDS)} for {rng.choice(ORG_CAUSES)}"
        if template in (1, 2, 7) and rng.random() < 0.4:
            name += f" ({_initials(name)})"
        return name

    def person(self, script: str, city: City) -> dict[str, str]:
        rng = self.rng
        if script == "latin" or rng.random() < LATIN_NAME_SHARE / 2:
            name = self.latin_person()
        elif script == "cyrillic":
            first, last = rng.choice(CYRILLIC_FIRST), rng.choice(CYRILLIC_LAST)
            middle = f"{rng.choice('АБВГДЕЖЗИКЛМНОПРСТ')}." if rng.random() < 0.5 else ""
            name = " ".join(part for part in (first, middle, last) if part)
        elif script == "greek":
            female = rng.random() < 0.5
            first = rng.choice(GREEK_FEMALE if female else GREEK_MALE)
            last = rng.choice(GREEK_LAST)[1 if female else 0]
            middle = f"{rng.choice('ΑΒΓΔΕΖΗΘΙΚΛΜΝΠΡΣΤΦΧ')}." if rng.random() < 0.6 else ""
            name = " ".join(part for part in (first, middle, last) if part)
        elif script == "chinese":
            given = "".join(rng.choice(CHINESE_GIVEN) for _ in range(rng.choice((1, 2, 2))))
            name = rng.choice(CHINESE_FAMILY) + given
        elif script == "japanese":
            name = f"{rng.choice(JAPANESE_FAMILY)} {rng.choice(JAPANESE_GIVEN)}"
        else:
            name = rng.choice(KOREAN_FAMILY) + rng.choice(KOREAN_SYLLABLES) + rng.choice(KOREAN_SYLLABLES)
        record = {"name": name}
        roll = rng.random()
        local = CITY_IN_SCRIPT.get(city.name, city.name)
        if roll < 0.08 and script == "latin":
            record["affiliation"] = LONG_AFFILIATION.format(city=city.name)
        elif roll < 0.6:
            university = UNIVERSITY_BY_COUNTRY.get(city.country, "University of {city}").format(city=local)
            institution = rng.choice(INSTITUTIONS[script]).format(city=local, university=university)
            if script == "latin":
                record["affiliation"] = f"{rng.choice(ROLES)}, {institution}"
            else:
                record["affiliation"] = institution
        if rng.random() < 0.05:
            record["url"] = _orcid(rng)
        return record

    def latin_person(self) -> str:
        rng = self.rng
        first, last = rng.choice(LATIN_FIRST), rng.choice(LATIN_LAST)
        roll = rng.random()
        if roll < 0.55:
            return f"{first} {last}"
        if roll < 0.8:
            return f"{first} {rng.choice('ABCDEFGHIJKLMNOPRSTVWZ')}. {last}"
        if roll < 0.92:
            return f"{first} {last}-{rng.choice(LATIN_LAST)}"
        # Long names with titles and two given names, as academics sign.
        title = rng.choice(("Prof. Dr.", "Dr.", "Prof.", "Judge", "Rev."))
        return f"{title} {first} {rng.choice(LATIN_FIRST)} {last} {rng.choice(LATIN_LAST)}"


def signatories(n: int, seed: int = SEED) -> list[dict[str, str]]:
    """N signatories as field-to-text mappings; the same (n, seed) gives the same list."""
    return _Generator(seed).signatories(n)


_YAML_RESERVED = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"])
# A plain YAML scalar is safe when it starts with a letter, holds no ": " or " #"
# (which would start a mapping or a comment) and is not a word YAML reads as a bool.
_PLAIN_SAFE = re.compile(r"[^\W\d_](?:(?!: | #)[^\n\"])*")


def _yaml_scalar(value: str) -> str:
    if _PLAIN_SAFE.fullmatch(value) and value.casefold() not in _YAML_RESERVED and not value.endswith(":"):
        return value
    return json.dumps(value, ensure_ascii=False)


def to_yaml(records: Sequence[dict[str, str]]) -> str:
    lines = []
    for record in records:
        prefix = "- "
        for field_name in FIELDS:
            if field_name not in record:
                continue
            value = record[field_name]
            # Country codes are always quoted, as the README asks: YAML reads NO as false.
            text = json.dumps(value) if field_name == "country" else _yaml_scalar(value)
            lines.append(f"{prefix}{field_name}: {text}")
            prefix = "  "
    return "\n".join(lines) + "\n"


def to_csv(records: Sequence[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for record in records:
        writer.writerow([record.get(field_name, "") for field_name in FIELDS])
    return out.getvalue()


def project_name(n: int, fmt: str) -> str:
    return f"{n}-{fmt}"


def generate_project(path: Path, n: int, fmt: str, *, seed: int = SEED) -> Path:
    """Writes a letter project with N signatories in FORMAT (yaml|csv) to PATH; returns its manifest."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    for name in TEXT_FILES[1:]:
        shutil.copyfile(DATA / name, path / name)
    signatories_file = f"signatories.{fmt}"
    manifest = (DATA / "petition.yaml").read_text(encoding="utf-8")
    manifest = re.sub(r"(?m)^slug:.*$", f"slug: bench-{project_name(n, fmt)}", manifest)
    manifest, replaced = re.subn(r"(?m)^signatories:.*$", f"signatories: {signatories_file}", manifest)
    if not replaced:
        manifest += f"signatories: {signatories_file}\n"
    (path / "petition.yaml").write_text(manifest, encoding="utf-8")
    # A project regenerated in the other format must not keep a stale list beside it.
    for other in FORMATS:
        if other != fmt:
            (path / f"signatories.{other}").unlink(missing_ok=True)
    records = signatories(n, seed)
    text = to_yaml(records) if fmt == "yaml" else to_csv(records)
    (path / signatories_file).write_text(text, encoding="utf-8", newline="")
    return path / "petition.yaml"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the projects into, one subfolder each")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="signatory counts")
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    for n in args.sizes:
        for fmt in args.formats:
            manifest = generate_project(args.out_dir / project_name(n, fmt), n, fmt, seed=args.seed)
            print(manifest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
