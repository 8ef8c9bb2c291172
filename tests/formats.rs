//! Reading real folders' formats: HTML pages (UTF-8 and GB2312), Word .docx, PDF text layers,
//! each built by the test itself; scanned PDFs, damaged files and formats that are not read are
//! skipped with their reasons while the rest is indexed.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use std::path::Path;

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Object, Stream, StringFormat};
use zhengce_core::ingest::format;
use zhengce_core::{Index, IndexReport, SearchOptions, SkipReason};

use crate::util::{paths, Dir};

fn index_folder(dir: &Dir) -> (Index, IndexReport) {
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer_with_threads(1).unwrap();
    let report = writer.add_folder(dir.path()).unwrap();
    writer.commit().unwrap();
    (index, report)
}

/// The title of the one document the query finds.
fn title_of(index: &Index, query: &str) -> String {
    let hits = index.search(query, &SearchOptions::default()).unwrap().hits;
    assert_eq!(hits.len(), 1, "{query}: {hits:?}");
    hits[0].title.clone()
}

fn reasons(report: &IndexReport) -> BTreeMap<String, SkipReason> {
    report
        .skipped
        .iter()
        .map(|s| (s.path.clone(), s.reason.clone()))
        .collect()
}

// ---- HTML ----

const GB_PAGE: &str = "<html><head>\
    <meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
    <title>高台县科技局关于开展科技活动周的通知_高台县人民政府</title>\
    <style>.x { color: red } /* 样式表文字 */</style>\
    <script>var notice = \"脚本里的文字\";</script></head>\
    <body><div class=\"top-nav\">网站首页 导航栏目 政务公开</div>\
    <div class=\"breadcrumb\">当前位置：首页 &gt; 通知公告</div>\
    <div class=\"article\"><h1>高台县科技局关于开展科技活动周的通知</h1>\
    <p>各乡镇、各部门：</p><p>为弘扬科学精神，普及科学知识，决定开展科技活动周。</p>\
    <p>高台县科技局<br>2024年5月6日</p></div>\
    <div id=\"footer\">版权所有 高台县人民政府办公室</div></body></html>";

const UTF8_PAGE: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\
    <title>2023年法治政府建设年度报告 - 县司法局</title></head><body>\
    <header><ul class=\"menu\"><li>机构概况</li></ul></header>\
    <main><p>全面推进严格规范公正文明执法。</p>\
    <table><tr><th>项目</th><th>次数</th></tr><tr><td>普法讲座</td><td>12</td></tr></table>\
    </main><aside>热点专题</aside></body></html>";

// ---- DOCX ----

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A `.docx` zip archive holding these parts, deflated as Word writes them.
fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn paragraph(style: Option<&str>, text: &str) -> String {
    let props = style.map_or(String::new(), |s| {
        format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")
    });
    format!("<w:p>{props}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn cell(text: &str) -> String {
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"2000\"/></w:tcPr>{}</w:tc>",
        paragraph(None, text)
    )
}

fn document_xml() -> String {
    let body = [
        paragraph(Some("1"), "第一章 总则"),
        paragraph(
            None,
            "第一条 为加强科技特派员管理，选派科技特派员服务乡村振兴，制定本办法。",
        ),
        paragraph(Some("2"), "第二章 经费"),
        format!(
            "<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell("经费来源"),
            cell("金额"),
            cell("县级科技专项资金"),
            cell("50万元"),
        ),
        "<w:sectPr/>".to_owned(),
    ]
    .concat();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"{W_NS}\"><w:body>{body}</w:body></w:document>"
    )
}

fn styles_xml() -> String {
    format!(
        "<?xml version=\"1.0\"?><w:styles xmlns:w=\"{W_NS}\">\
         <w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 2\"/></w:style>\
         </w:styles>"
    )
}

const CORE_XML: &str = "<?xml version=\"1.0\"?><cp:coreProperties \
    xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
    <dc:title>高台县科技特派员管理办法</dc:title>\
    <dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-05-06T02:00:00Z</dcterms:created>\
    </cp:coreProperties>";

fn good_docx() -> Vec<u8> {
    docx(&[
        ("word/document.xml", &document_xml()),
        ("word/styles.xml", &styles_xml()),
        ("docProps/core.xml", CORE_XML),
    ])
}

// ---- PDF ----

/// A one-page PDF showing `lines` (x, y, text) in a CID font (Identity-H) whose ToUnicode map
/// gives the characters back, as Word and WPS write Chinese PDFs.
fn text_pdf(lines: &[(i64, i64, &str)]) -> Vec<u8> {
    cid_font_pdf(lines, "Identity-H", "F1")
}

/// As [`text_pdf`], with the font's encoding named — with the predefined CMap `UniGB-UCS2-H`
/// (iText's way with its STSong-Light font) the codes are UCS-2 and there is no ToUnicode map —
/// and the name of the font the text is shown in (`F1` is the one there is).
fn cid_font_pdf(lines: &[(i64, i64, &str)], encoding: &str, shown_font: &str) -> Vec<u8> {
    let identity = encoding == "Identity-H";
    let mut cids: BTreeMap<char, u16> = BTreeMap::new();
    for (_, _, text) in lines {
        for c in text.chars() {
            let next = u16::try_from(cids.len() + 1).unwrap();
            cids.entry(c).or_insert(next);
        }
    }
    let mut doc = lopdf::Document::with_version("1.5");
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, to_unicode_cmap(&cids)));
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor", "FontName" => "SimSun", "Flags" => 6,
        "FontBBox" => vec![0.into(), (-140).into(), 1000.into(), 860.into()],
        "ItalicAngle" => 0, "Ascent" => 860, "Descent" => -140, "CapHeight" => 700, "StemV" => 80,
    });
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "SimSun",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor, "DW" => 1000,
    });
    let mut font = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "SimSun",
        "Encoding" => encoding, "DescendantFonts" => vec![cid_font.into()],
    };
    if identity {
        font.set("ToUnicode", to_unicode);
    }
    let font = doc.add_object(font);
    let mut operations = Vec::new();
    for (x, y, text) in lines {
        let code = |c: char| {
            if identity {
                cids[&c]
            } else {
                u16::try_from(u32::from(c)).unwrap()
            }
        };
        let codes: Vec<u8> = text.chars().flat_map(|c| code(c).to_be_bytes()).collect();
        operations.extend([
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec![shown_font.into(), 16.into()]),
            Operation::new(
                "Tm",
                vec![
                    1.into(),
                    0.into(),
                    0.into(),
                    1.into(),
                    (*x).into(),
                    (*y).into(),
                ],
            ),
            Operation::new("Tj", vec![Object::String(codes, StringFormat::Hexadecimal)]),
            Operation::new("ET", vec![]),
        ]);
    }
    let resources = dictionary! { "Font" => dictionary! { "F1" => font } };
    one_page_pdf(doc, resources, Content { operations })
}

/// A ToUnicode CMap: each CID to its character.
fn to_unicode_cmap(cids: &BTreeMap<char, u16>) -> Vec<u8> {
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&char, &u16)> = cids.iter().collect();
    for chunk in entries.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (c, cid) in chunk {
            cmap.push_str(&format!("<{cid:04X}> <{:04X}>\n", u32::from(**c)));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap.into_bytes()
}

/// A one-page PDF that is only a picture, as a scanner writes it.
fn scanned_pdf() -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 4, "Height" => 4,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        vec![
            0, 255, 0, 255, 255, 0, 255, 0, 0, 255, 0, 255, 255, 0, 255, 0,
        ],
    ));
    let operations = vec![
        Operation::new("q", vec![]),
        Operation::new(
            "cm",
            vec![
                500.into(),
                0.into(),
                0.into(),
                700.into(),
                40.into(),
                60.into(),
            ],
        ),
        Operation::new("Do", vec!["Im1".into()]),
        Operation::new("Q", vec![]),
    ];
    let resources = dictionary! { "XObject" => dictionary! { "Im1" => image } };
    one_page_pdf(doc, resources, Content { operations })
}

fn one_page_pdf(
    mut doc: lopdf::Document,
    resources: lopdf::Dictionary,
    content: Content,
) -> Vec<u8> {
    let pages = doc.new_object_id();
    let contents = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages, "Contents" => contents, "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// A notice laid out as a PDF page: a short title line, a sentence broken across two lines
/// between 法治 and 政府, and a closing line.
fn notice_pdf() -> Vec<u8> {
    text_pdf(&[
        (230, 760, "关于做好普法工作的通知"),
        (72, 700, "为深入推进依法行政，加快建设法治"),
        (72, 671, "政府，现将有关事项通知如下："),
        (72, 642, "一、全面落实普法责任制。"),
    ])
}

// ---- tests ----

#[test]
fn each_format_is_found_by_a_phrase_from_its_body() {
    let dir = Dir::new();
    dir.write("gb.html", encoding_rs::GBK.encode(GB_PAGE).0);
    dir.write("report.htm", UTF8_PAGE);
    dir.write("measures.docx", good_docx());
    dir.write("notice.pdf", notice_pdf());
    let (index, report) = index_folder(&dir);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.added, 4);
    assert_eq!(paths(&index, "\"弘扬科学精神\""), ["gb.html"]);
    assert_eq!(paths(&index, "\"严格规范公正文明执法\""), ["report.htm"]);
    assert_eq!(paths(&index, "\"选派科技特派员\""), ["measures.docx"]);
    assert_eq!(paths(&index, "\"县级科技专项资金\""), ["measures.docx"]);
    assert_eq!(paths(&index, "\"普法责任制\""), ["notice.pdf"]);
}

#[test]
fn extract_reads_a_word_file_as_indexing_does() {
    // `zhengce extract` decoded every file as text, so a .docx (a zip) was "binary".
    let dir = Dir::new();
    let body = paragraph(None, "认真落实《中华人民共和国科学技术进步法》。");
    let xml = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"{W_NS}\"><w:body>{body}</w:body></w:document>"
    );
    dir.write("办法.docx", docx(&[("word/document.xml", &xml)]));
    let run = dir.run(&["extract", "办法.docx", "--json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let line: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(line["title"], "中华人民共和国科学技术进步法");
    assert_eq!(line["actions"][0], "implement");
    assert_eq!(line["line"], 1);
    dir.write("scan.pdf", scanned_pdf());
    let run = dir.run(&["extract", "scan.pdf"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("scan.pdf: not indexed: no text layer"),
        "{run:?}"
    );
}

#[test]
fn titles_come_from_the_page_title_and_the_document_properties() {
    let dir = Dir::new();
    dir.write("gb.html", encoding_rs::GBK.encode(GB_PAGE).0);
    dir.write("report.htm", UTF8_PAGE);
    dir.write("measures.docx", good_docx());
    let (index, _) = index_folder(&dir);
    assert_eq!(
        title_of(&index, "\"弘扬科学精神\""),
        "高台县科技局关于开展科技活动周的通知",
        "<title> without the site's name"
    );
    assert_eq!(
        title_of(&index, "\"严格规范公正文明执法\""),
        "2023年法治政府建设年度报告"
    );
    assert_eq!(
        title_of(&index, "\"选派科技特派员\""),
        "高台县科技特派员管理办法",
        "dc:title, not the first line (第一章 总则)"
    );
    let hit = &index
        .search("title:特派员", &SearchOptions::default())
        .unwrap()
        .hits[0];
    assert_eq!(hit.date.as_deref(), Some("2023-05-06"), "dcterms:created");
    assert_eq!(hit.year, Some(2023));
}

#[test]
fn the_date_of_the_signature_wins_over_the_creation_date() {
    let dir = Dir::new();
    let body = [
        paragraph(None, "高台县科学技术局关于开展科技活动周的通知"),
        paragraph(None, "各乡镇：现将有关事项通知如下。"),
        paragraph(None, "高台县科学技术局"),
        paragraph(None, "2024年3月1日"),
    ]
    .concat();
    let document = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"{W_NS}\"><w:body>{body}</w:body></w:document>"
    );
    // Made from a template created in 2023: the 落款 says when the notice was issued.
    dir.write(
        "notice.docx",
        docx(&[
            ("word/document.xml", &document),
            ("docProps/core.xml", CORE_XML),
        ]),
    );
    let (index, _) = index_folder(&dir);
    let hit = &index
        .search("科技活动周", &SearchOptions::default())
        .unwrap()
        .hits[0];
    assert_eq!(hit.date.as_deref(), Some("2024-03-01"));
}

#[test]
fn a_pdf_line_break_inside_a_chinese_sentence_is_joined() {
    let found = format::extract("pdf", &notice_pdf()).unwrap();
    assert_eq!(
        found.text,
        "关于做好普法工作的通知\n为深入推进依法行政，加快建设法治政府，现将有关事项通知如下：\n\
         一、全面落实普法责任制。"
    );
    let dir = Dir::new();
    dir.write("notice.pdf", notice_pdf());
    let (index, _) = index_folder(&dir);
    assert_eq!(paths(&index, "\"加快建设法治政府\""), ["notice.pdf"]);
}

#[test]
fn scripts_styles_and_navigation_are_not_indexed() {
    let dir = Dir::new();
    dir.write("gb.html", encoding_rs::GBK.encode(GB_PAGE).0);
    dir.write("report.htm", UTF8_PAGE);
    let (index, _) = index_folder(&dir);
    for text in [
        "脚本里的文字",
        "样式表文字",
        "导航栏目",
        "当前位置",
        "版权所有",
        "机构概况",
        "热点专题",
    ] {
        assert!(
            paths(&index, &format!("\"{text}\"")).is_empty(),
            "{text} is boilerplate"
        );
    }
    let page = format::extract("html", UTF8_PAGE.as_bytes()).unwrap();
    assert_eq!(
        page.text,
        "全面推进严格规范公正文明执法。\n项目\t次数\n普法讲座\t12\n"
    );
    let gb = format::extract("html", &encoding_rs::GBK.encode(GB_PAGE).0).unwrap();
    assert_eq!(gb.encoding, "gbk");
}

#[test]
fn scanned_pdfs_and_damaged_files_are_skipped_with_their_reasons() {
    let dir = Dir::new();
    dir.write("notice.pdf", notice_pdf());
    dir.write("measures.docx", good_docx());
    dir.write("scan.pdf", scanned_pdf());
    dir.write("not-a-zip.docx", b"PK\x03\x04 this is not a zip archive");
    dir.write(
        "broken-xml.docx",
        docx(&[("word/document.xml", "<w:document><w:body><w:p>未闭合")]),
    );
    dir.write("no-document.docx", docx(&[("docProps/core.xml", CORE_XML)]));
    let mut truncated = good_docx();
    truncated.truncate(truncated.len() / 2);
    dir.write("truncated.docx", truncated);
    dir.write("garbage.pdf", b"%PDF-1.7\n this is not a PDF at all");
    let (index, report) = index_folder(&dir);
    assert_eq!(report.added, 2, "{:?}", report.skipped);
    let reasons = reasons(&report);
    assert_eq!(reasons["scan.pdf"], SkipReason::NoTextLayer);
    assert_eq!(reasons["scan.pdf"].to_string(), "no text layer (scanned?)");
    let message = |path: &str| match &reasons[path] {
        SkipReason::Corrupt(_) => reasons[path].to_string(),
        other => panic!("{path}: {other:?}"),
    };
    assert!(message("not-a-zip.docx").contains("not a valid zip archive"));
    assert!(message("broken-xml.docx").contains("word/document.xml is not well-formed XML"));
    assert!(message("no-document.docx").contains("has no word/document.xml"));
    assert!(message("truncated.docx").contains("zip"));
    assert!(message("garbage.pdf").contains("PDF"));
    assert_eq!(reasons.len(), 6);
    assert_eq!(paths(&index, "\"普法责任制\""), ["notice.pdf"]);
    assert_eq!(paths(&index, "\"选派科技特派员\""), ["measures.docx"]);
}

#[test]
fn formats_that_are_not_read_are_skipped_with_reasons_naming_them() {
    let dir = Dir::new();
    dir.write("keep.txt", "法治政府建设");
    dir.write("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    dir.write("table.xlsx", b"PK\x03\x04");
    dir.write("photo.png", b"\x89PNG\r\n\x1a\n");
    dir.write("files.zip", b"PK\x05\x06");
    dir.write("notes.xyz", "法治政府建设");
    let (_, report) = index_folder(&dir);
    assert_eq!(report.added, 1);
    let messages: Vec<(String, String)> = report
        .skipped
        .iter()
        .map(|s| (s.path.clone(), s.reason.to_string()))
        .collect();
    let want = [
        ("files.zip", "archive (.zip): not unpacked"),
        ("notes.xyz", "unsupported format (.xyz)"),
        (
            "old.doc",
            "Word 97–2003 document (.doc): not read; save it as .docx",
        ),
        ("photo.png", "image (.png): no text"),
        ("table.xlsx", "Excel workbook (.xlsx): not read"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(p, m)| ((*p).to_owned(), (*m).to_owned()))
        .collect();
    assert_eq!(messages, want);
    assert_eq!(
        reasons(&report)["old.doc"],
        SkipReason::NotRead("doc".into())
    );
}

#[test]
fn skip_reasons_serialize_with_their_kind() {
    let json = |r: SkipReason| serde_json::to_string(&r).unwrap();
    assert_eq!(json(SkipReason::NoTextLayer), r#"{"kind":"no_text_layer"}"#);
    assert_eq!(
        json(SkipReason::NotRead("doc".into())),
        r#"{"kind":"not_read","detail":"doc"}"#
    );
    assert_eq!(
        json(SkipReason::Corrupt("bad".into())),
        r#"{"kind":"corrupt","detail":"bad"}"#
    );
}

#[test]
fn markdown_front_matter_still_gives_the_title() {
    let dir = Dir::new();
    dir.write(
        "note.md",
        "---\ntitle: 民法典宣传月活动方案\ndate: 2024-05-01\n---\n# 活动安排\n开展民法典宣传月活动。",
    );
    let (index, _) = index_folder(&dir);
    assert_eq!(
        title_of(&index, "\"民法典宣传月活动\""),
        "民法典宣传月活动方案"
    );
}

#[test]
fn a_pdf_in_a_predefined_chinese_cmap_is_read() {
    let pdf = cid_font_pdf(
        &[
            (72, 700, "为深入推进依法行政，加快建设法治"),
            (72, 671, "政府，现将有关事项通知如下："),
        ],
        "UniGB-UCS2-H",
        "F1",
    );
    let found = format::extract("pdf", &pdf).unwrap();
    assert_eq!(
        found.text,
        "为深入推进依法行政，加快建设法治政府，现将有关事项通知如下："
    );
}

/// A PDF that shows its text in a font its page does not have: the PDF reader panics on it.
fn missing_font_pdf() -> Vec<u8> {
    cid_font_pdf(&[(72, 700, "依法行政")], "Identity-H", "F9")
}

#[test]
fn a_pdf_the_reader_panics_on_is_skipped_as_unreadable() {
    match format::extract("pdf", &missing_font_pdf()) {
        Err(SkipReason::Corrupt(what)) => {
            assert!(what.starts_with("PDF cannot be read ("), "{what}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_command_reports_an_unreadable_pdf_without_printing_a_panic() {
    let dir = Dir::new();
    dir.write("missing-font.pdf", missing_font_pdf());
    dir.write("notice.pdf", notice_pdf());
    let run = dir.run(&["index"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(
        all.contains("skipped missing-font.pdf: corrupt or unreadable: PDF cannot be read ("),
        "{all}"
    );
}

#[test]
fn fuzzed_files_that_hung_or_crashed_a_reader_are_skipped() {
    // Found by `cargo fuzz run pdf`: a page whose /Parent is itself sent pdf-extract's lookup of
    // inherited attributes round for ever.
    let dir = Dir::new();
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/fuzz/pdf-page-is-its-own-parent.pdf"),
    )
    .unwrap();
    dir.write("docs/loop.pdf", &bytes);
    dir.write("docs/ok.txt", "推进法治政府建设");
    let (index, report) = index_folder(&dir);
    assert_eq!(report.added, 1);
    match reasons(&report).get("docs/loop.pdf") {
        Some(SkipReason::Corrupt(why)) => assert!(why.contains("loops"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(index.num_docs(), 1);
}
