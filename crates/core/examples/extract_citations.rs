//! Example: the citations of a text, without an index — full title, kind, version, pinned
//! article, what the text did with each (publicize, study, implement, formulate), done or
//! planned.
//!
//! `cargo run -p zhengce-core --example extract_citations -- [TEXT]`

use zhengce_core::cite::extract;

const SAMPLE: &str = "2024年，县科技局组织干部职工学习《宪法》《民法典》，\
向群众发放《中华人民共和国科学技术进步法》第十二条解读500份，\
制定《高台县科技计划项目管理办法(试行)》。\n\
二、下一步工作打算\n将继续宣传《合同法》相关内容。";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = std::env::args().nth(1).unwrap_or_else(|| SAMPLE.to_owned());
    let citations = extract(&text);
    for c in &citations {
        let actions: Vec<&str> = c.actions.iter().map(|a| a.name()).collect();
        println!(
            "《{}》 → {}{} [{}{}] {} {}{}",
            c.raw,
            c.title,
            c.version_note
                .as_ref()
                .map_or_else(String::new, |v| format!("（{v}）")),
            c.kind.name(),
            c.pin
                .as_ref()
                .map_or_else(String::new, |p| format!(", pin {}", p.text)),
            if actions.is_empty() {
                "mentioned".to_owned()
            } else {
                actions.join("+")
            },
            if c.planned { "planned" } else { "done" },
            if c.successors.is_empty() {
                String::new()
            } else {
                format!(", repealed → {}", c.successors.join("、"))
            },
        );
    }
    if citations.is_empty() {
        return Err("no citation found".into());
    }
    Ok(())
}
