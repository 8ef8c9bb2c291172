//! CSV for spreadsheets (Excel, WPS): the laws table and search hits, as `zhengce laws --csv`,
//! `zhengce search --csv` and the page's downloads write them. UTF-8 with a byte-order mark, so
//! that Excel reads the Chinese correctly; column names in Chinese; a cell that a spreadsheet
//! would run as a formula (starting with `=`, `+`, `-`, `@`) is written with a leading `'`.

use std::io::{self, Write};

use zhengce_core::cite::{Action, Kind, Status};
use zhengce_core::search::GroupBy;
use zhengce_core::{Hit, LawRow, Passage, SearchResults};

/// The byte-order mark that tells Excel the file is UTF-8.
pub const BOM: &[u8] = "\u{feff}".as_bytes();

/// Writes the laws table: one row per title (per group and title when grouped `by` year or
/// issuer), in the order of `rows`.
pub fn laws(rows: &[LawRow], by: Option<GroupBy>, out: impl Write) -> io::Result<()> {
    let mut w = writer(out)?;
    let mut header: Vec<&str> = Vec::new();
    match by {
        Some(GroupBy::Year) => header.push("年份"),
        Some(_) => header.push("发文机关"),
        None => {}
    }
    header.extend(["法规名称", "类别", "文件数", "次数"]);
    header.extend(Action::ALL.iter().map(|a| action_label(*a)));
    header.extend(["已开展", "计划", "效力", "替代法规"]);
    w.write_record(&header)?;
    for row in rows {
        let mut record: Vec<String> = Vec::with_capacity(header.len());
        if by.is_some() {
            record.push(cell(row.group.as_deref().unwrap_or("?")));
        }
        record.push(cell(&row.title));
        record.push(kind_label(row.kind).to_owned());
        record.push(row.documents.to_string());
        record.push(row.mentions.to_string());
        for action in Action::ALL {
            let n = row.actions.get(action.name()).copied().unwrap_or(0);
            record.push(n.to_string());
        }
        record.push(row.done.to_string());
        record.push(row.planned.to_string());
        record.push(status_label(row.status).to_owned());
        record.push(cell(&row.successors.join("、")));
        w.write_record(&record)?;
    }
    w.flush()
}

/// Writes search hits: one row per document with its best passage, or one row per passage
/// (`by_passage`).
pub fn hits(results: &SearchResults, by_passage: bool, out: impl Write) -> io::Result<()> {
    let mut w = writer(out)?;
    w.write_record([
        "标题",
        "日期",
        "年份",
        "发文机关",
        "地区",
        "文种",
        "文号",
        "章节",
        "摘录",
        "得分",
        "文件",
    ])?;
    for hit in &results.hits {
        let passages: Vec<&Passage> = if by_passage {
            hit.passages.iter().collect()
        } else {
            best(hit).into_iter().collect()
        };
        if passages.is_empty() {
            w.write_record(hit_record(hit, None))?;
        }
        for p in passages {
            w.write_record(hit_record(hit, Some(p)))?;
        }
    }
    w.flush()
}

/// The passage shown as the hit's snippet.
fn best(hit: &Hit) -> Option<&Passage> {
    hit.passages
        .iter()
        .find(|p| p.text == hit.snippet)
        .or(hit.passages.first())
}

fn hit_record(hit: &Hit, passage: Option<&Passage>) -> Vec<String> {
    let optional = |v: &Option<String>| cell(v.as_deref().unwrap_or_default());
    vec![
        cell(&hit.title),
        hit.date.clone().unwrap_or_default(),
        hit.year.map(|y| y.to_string()).unwrap_or_default(),
        optional(&hit.issuer),
        optional(&hit.region),
        optional(&hit.doc_type),
        optional(&hit.doc_number),
        cell(&passage.map(|p| p.section.join(" › ")).unwrap_or_default()),
        cell(passage.map_or(hit.snippet.as_str(), |p| p.text.as_str())),
        format!("{:.2}", hit.score),
        cell(&hit.path),
    ]
}

fn writer<W: Write>(mut out: W) -> io::Result<csv::Writer<W>> {
    out.write_all(BOM)?;
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out))
}

/// A text cell: as written, but never a formula when a spreadsheet opens it.
pub fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The Chinese name of an action (宣传, 学习, 落实, 制定).
pub fn action_label(action: Action) -> &'static str {
    match action {
        Action::Publicize => "宣传",
        Action::Study => "学习",
        Action::Implement => "落实",
        Action::Formulate => "制定",
        Action::Cite => "引用",
        _ => action.name(),
    }
}

/// The Chinese name of a kind of title (法律, 行政法规 …).
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Law => "法律",
        Kind::AdministrativeRegulation => "行政法规",
        Kind::LocalRegulation => "地方性法规",
        Kind::PartyRegulation => "党内法规",
        Kind::JudicialInterpretation => "司法解释",
        Kind::DepartmentalRule => "部门规章",
        Kind::NormativeDocument => "规范性文件",
        Kind::Plan => "计划规划",
        Kind::Compilation => "汇编",
        Kind::Publication => "报刊书籍",
        Kind::Other => "其他",
        _ => kind.name(),
    }
}

fn status_label(status: Option<Status>) -> &'static str {
    match status {
        Some(Status::Valid) => "有效",
        Some(Status::Repealed) => "已废止",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_written_as_text() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("-1+2"), "'-1+2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("中华人民共和国民法典"), "中华人民共和国民法典");
    }

    #[test]
    fn every_kind_and_action_has_a_chinese_name() {
        for kind in Kind::ALL {
            assert!(!kind_label(kind).is_ascii(), "{kind:?}");
        }
        for action in Action::ALL {
            assert!(!action_label(action).is_ascii(), "{action:?}");
        }
    }
}
