//! `brieflint explain CODE` and `brieflint rules`: the rules' own documentation.

use super::exit;
use brieflint_core::rules;

pub fn explain(code: &str) -> i32 {
    match rules::by_code(code) {
        Some(rule) => {
            print!("{}", rules::documentation(rule.info()));
            exit::CLEAN
        }
        None => {
            let known: Vec<&str> = rules::ALL.iter().map(|r| r.info().code).collect();
            eprintln!("error: no rule `{code}`; the rules are: {}", known.join(", "));
            exit::ERROR
        }
    }
}

pub fn list() -> i32 {
    let width = rules::ALL.iter().map(|r| r.info().code.len()).max().unwrap_or(0);
    for rule in rules::ALL {
        let info = rule.info();
        println!(
            "{:width$}  {:8}  {}",
            info.code,
            info.default_severity.as_str(),
            info.summary
        );
    }
    exit::CLEAN
}
