//! Formats that are recognized but not read (不读取的格式): Word 97–2003 and WPS documents,
//! spreadsheets, presentations, images and archives, each skipped with a message that names it.

/// What a known format is called, and what is done with it.
struct Known {
    extensions: &'static [&'static str],
    name: &'static str,
    outcome: &'static str,
}

const KNOWN: &[Known] = &[
    Known {
        extensions: &["doc"],
        name: "Word 97–2003 document",
        outcome: "not read; save it as .docx",
    },
    Known {
        extensions: &["wps"],
        name: "WPS document",
        outcome: "not read; save it as .docx",
    },
    Known {
        extensions: &["xls"],
        name: "Excel 97–2003 workbook",
        outcome: "not read",
    },
    Known {
        extensions: &["xlsx"],
        name: "Excel workbook",
        outcome: "not read",
    },
    Known {
        extensions: &["et"],
        name: "WPS spreadsheet",
        outcome: "not read",
    },
    Known {
        extensions: &["ppt"],
        name: "PowerPoint 97–2003 presentation",
        outcome: "not read; save it as .pdf",
    },
    Known {
        extensions: &["pptx"],
        name: "PowerPoint presentation",
        outcome: "not read; save it as .pdf",
    },
    Known {
        extensions: &["dps"],
        name: "WPS presentation",
        outcome: "not read; save it as .pdf",
    },
    Known {
        extensions: &["jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp"],
        name: "image",
        outcome: "no text",
    },
    Known {
        extensions: &["zip", "rar", "7z", "gz", "tgz", "tar"],
        name: "archive",
        outcome: "not unpacked",
    },
];

fn known(extension: &str) -> Option<&'static Known> {
    KNOWN.iter().find(|k| k.extensions.contains(&extension))
}

/// Whether the lower-case extension is a known format that is not read.
pub(super) fn is_known(extension: &str) -> bool {
    known(extension).is_some()
}

/// Why a file of a known format is not read: `Word 97–2003 document (.doc): not read; save it as
/// .docx`, `image (.png): no text`, `archive (.zip): not unpacked`.
pub fn not_read_message(extension: &str) -> String {
    match known(extension) {
        Some(k) => format!("{} (.{extension}): {}", k.name, k.outcome),
        None => format!("format not read (.{extension})"),
    }
}
