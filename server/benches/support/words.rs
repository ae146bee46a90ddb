//! Word pools: made-up syllables for names that are unique by construction, and the vocabulary of briefings.

/// Syllables of made-up place and group names; 48 of them give 48² + 48³ ≈ 113,000 distinct words.
pub const SYLLABLES: &[&str] = &[
    "ka", "ram", "zai", "bar", "dur", "gul", "han", "jab", "kho", "lan", "mir", "nag", "pash", "qal", "rud", "sar",
    "tor", "waz", "yar", "zam", "ab", "dar", "fal", "gar", "hes", "ist", "jul", "kand", "lor", "man", "nur", "or",
    "pur", "qas", "ros", "shah", "tan", "ul", "var", "wal", "xi", "yus", "zar", "bak", "che", "dan", "el", "fer",
];

/// A distinct capitalised word for every index (below 48² + 48³).
pub fn word(mut index: usize) -> String {
    let n = SYLLABLES.len();
    let count = if index < n * n {
        2
    } else {
        index -= n * n;
        3
    };
    let mut out = String::new();
    for _ in 0..count {
        out.push_str(SYLLABLES[index % n]);
        index /= n;
    }
    let mut chars = out.chars();
    let first = chars.next().expect("syllables are not empty").to_ascii_uppercase();
    std::iter::once(first).chain(chars).collect()
}

pub const GIVEN_NAMES: &[&str] = &[
    "Asif", "Bilal", "Farida", "Hamid", "Imran", "Javed", "Khalid", "Laila", "Mahmood", "Nasir", "Omar", "Rahim",
    "Saima", "Tariq", "Usman", "Zahra", "Amina", "Daud", "Gulalai", "Haroon",
];

pub const GROUP_FORMS: &[&str] = &[
    "{} Front",
    "{} Brigade",
    "Jamaat-ul-{}",
    "{} Liberation Army",
    "Lashkar-e-{}",
    "{} Defence Committee",
    "{} Movement",
];

pub const BODY_FORMS: &[&str] = &[
    "{} Police",
    "Ministry of {} Affairs",
    "{} Scouts",
    "{} Counter-Terrorism Department",
    "{} District Council",
];

pub const OUTLET_FORMS: &[&str] = &["{} Times", "Radio {}", "{} News", "The {} Tribune", "{} Observer"];

pub const ROLES: &[&str] = &[
    "provincial home minister",
    "district police officer",
    "military spokesman",
    "interior minister",
    "group's spokesman",
    "chief minister",
    "inspector general",
];

pub const TARGETS: &[&str] = &[
    "checkpoint",
    "police station",
    "convoy",
    "border post",
    "polio team",
    "market",
    "school",
    "army camp",
    "power station",
    "mosque",
];

pub const VICTIMS: &[&str] = &[
    "soldiers",
    "policemen",
    "civilians",
    "militants",
    "labourers",
    "paramilitary personnel",
    "children",
];

pub const VAGUE_SOURCES: &[&str] = &[
    "Security sources said",
    "Officials said",
    "Local media reported",
    "Analysts warn",
    "Residents said",
    "Sources indicate",
    "Intelligence officials believe",
];

pub const HEDGES: &[&str] = &["reportedly", "allegedly", "is said to have", "is believed to have"];

pub const ESTIMATES: &[&str] = &[
    "We assess with moderate confidence that",
    "We judge it likely that",
    "In our assessment,",
    "We assess with high confidence that",
    "It is almost certain that",
];

pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const RELATIVE: &[&str] = &["last week", "yesterday", "earlier this month", "on Tuesday", "recently"];

pub const OUTCOMES: &[&str] = &[
    "expand its operations",
    "retaliate",
    "contest the election",
    "regroup across the border",
    "target security forces",
    "seek talks",
];
