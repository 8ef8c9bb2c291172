//! Composing one document: the setting (county, bureau, year), the kind (summary, annual report,
//! measure, notice) and its parts — headings, sentences from `vocab`, citations from `laws`,
//! 文号 and 落款 — written into one string.

use crate::laws::{catalog, Catalog, Law};
use crate::rng::Rng;
use crate::vocab::*;
use crate::Kind;

/// Where and when a document is set, and by whom it is issued.
struct Setting {
    place: Place,
    bureau: Bureau,
    /// Index of the bureau in `BUREAUS` (for the catalog).
    bureau_index: usize,
    year: u32,
}

impl Setting {
    /// 高台县科学技术局.
    fn issuer(&self) -> String {
        format!("{}{}", self.place.county, self.bureau.name)
    }

    /// 县科技局, or 高台县人民政府 for a government.
    fn short(&self) -> String {
        self.bureau.short.to_owned()
    }
}

/// A document being written.
pub(crate) struct Writer {
    rng: Rng,
    set: Setting,
    catalog: &'static Catalog,
    out: String,
    /// County measures this document has named, cited again later.
    own: Vec<String>,
}

/// The first years documents are set in, and the number of years.
const FIRST_YEAR: u32 = 2016;
const YEARS: u32 = 10;

impl Writer {
    pub(crate) fn new(mut rng: Rng) -> Writer {
        let bureau_index = rng.below(BUREAUS.len());
        let set = Setting {
            place: *rng.pick(PLACES),
            bureau: BUREAUS[bureau_index],
            bureau_index,
            year: FIRST_YEAR + rng.below(YEARS as usize) as u32,
        };
        Writer {
            rng,
            set,
            catalog: catalog(),
            out: String::with_capacity(16 << 10),
            own: Vec::new(),
        }
    }

    /// Writes a document of `kind`; returns its title and text.
    pub(crate) fn write(mut self, kind: Kind) -> (String, String) {
        let title = match kind {
            Kind::Summary => self.summary(false),
            Kind::AnnualReport => self.summary(true),
            Kind::Measure => self.measure(),
            Kind::Notice => self.notice(),
        };
        (title, self.out)
    }

    pub(crate) fn year(&self) -> u32 {
        self.set.year
    }

    pub(crate) fn place(&self) -> Place {
        self.set.place
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    // ---- kinds of documents ----

    /// A work summary (工作总结) or an annual report (年度报告): opening, 一、 work done under
    /// （一） headings, 二、 problems, 三、 plans, 落款.
    fn summary(&mut self, annual: bool) -> String {
        let issuer = self.set.issuer();
        let year = self.set.year;
        let topic = *self.rng.pick(self.set.bureau.topics);
        let title = if annual {
            match self.rng.below(3) {
                0 => format!("{issuer}{year}年法治政府建设年度报告"),
                1 => format!("{issuer}关于{year}年度法治政府建设情况的报告"),
                _ => format!("{issuer}{year}年度{topic}工作报告"),
            }
        } else {
            match self.rng.below(4) {
                0 => format!("{issuer}{year}年法治政府建设工作总结"),
                1 => format!("{issuer}{year}年普法依法治理工作总结"),
                2 => format!("{issuer}{year}年{topic}工作总结"),
                _ => format!("{year}年法治建设工作总结"),
            }
        };
        let markdown = self.rng.chance(8);
        if markdown {
            let date = self.date_iso();
            self.line("---");
            self.line(&format!("title: {title}"));
            self.line(&format!("date: {date}"));
            self.line(&format!("issuer: {issuer}"));
            self.line("---");
            self.line(&format!("# {title}"));
        } else if self.rng.chance(92) {
            self.line(&title);
        }
        let opening = self.phrase(OPENINGS);
        self.line(&opening);
        let h1 = if markdown { "## " } else { "" };
        let done_title = match self.rng.below(4) {
            0 => "主要工作举措及成效".to_owned(),
            1 => "工作进展情况".to_owned(),
            2 => format!("{year}年工作开展情况"),
            _ => "主要工作及成效".to_owned(),
        };
        let mut section = 1;
        self.line(&format!("{h1}{}、{done_title}", cn_number(section)));
        let parts = 4 + self.rng.below(4);
        for i in 1..=parts {
            let heading = self.heading();
            self.line(&format!("（{}）{heading}", cn_number(i)));
            let numbered = self.rng.chance(40);
            let paragraphs = 1 + self.rng.below(3);
            for p in 1..=paragraphs {
                let sentences = 2 + self.rng.below(4);
                let mut para = String::new();
                if numbered {
                    let verb = *self.rng.pick(HEADING_VERBS);
                    let object = *self.rng.pick(HEADING_OBJECTS);
                    para.push_str(&format!("{p}.{verb}{object}。"));
                }
                for _ in 0..sentences {
                    let s = self.phrase(DONE_SENTENCES);
                    para.push_str(&s);
                }
                self.line(&para);
            }
        }
        if annual && self.rng.chance(60) {
            section += 1;
            self.line(&format!(
                "{h1}{}、党政主要负责人履行推进法治建设第一责任人职责情况",
                cn_number(section)
            ));
            let s = self.fill("主要负责同志认真履行推进法治建设第一责任人职责，严格落实{party}，做到重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。全年主持召开专题会议{m}次，带头讲法治课{m}次。");
            self.line(&s);
        }
        section += 1;
        self.line(&format!("{h1}{}、存在的问题", cn_number(section)));
        let n = 2 + self.rng.below(3);
        let mut problems = String::new();
        if self.rng.chance(50) {
            problems.push_str("在取得成绩的同时，我们也清醒地认识到，工作中还存在一些不足：");
        }
        let chosen = self.rng.sample(PROBLEMS, n);
        for (i, p) in chosen.iter().enumerate() {
            let sep = if i + 1 == n { "。" } else { "；" };
            problems.push_str(&format!("{}是{p}{sep}", cn_number(i + 1)));
        }
        self.line(&problems);
        section += 1;
        let plan_title = self.phrase(PLAN_SECTION_TITLES);
        self.line(&format!("{h1}{}、{plan_title}", cn_number(section)));
        let items = 3 + self.rng.below(3);
        let headings = self.rng.sample(PLAN_HEADINGS, items);
        for (i, h) in headings.iter().enumerate() {
            let mut para = format!("（{}）{h}。", cn_number(i + 1));
            for _ in 0..1 + self.rng.below(2) {
                let s = self.phrase(PLANNED_SENTENCES);
                para.push_str(&s);
            }
            self.line(&para);
        }
        if self.rng.chance(85) {
            self.signature(&issuer, true);
        }
        title
    }

    /// A county measure issued with its notice: header, 文号, 关于印发《…》的通知, the measure's
    /// chapters (第一章) and articles (第一条), 落款.
    fn measure(&mut self) -> String {
        let issuer = self.set.issuer();
        let measure = self.own_title();
        let title = format!("{issuer}关于印发《{measure}》的通知");
        if self.rng.chance(60) {
            self.line(&format!("{issuer}文件"));
        }
        let number = self.doc_number();
        self.line(&number);
        self.line(&title);
        let addressee = *self.rng.pick(ADDRESSEES);
        self.line(addressee);
        let purpose = self.phrase(PURPOSES);
        let intro = self.fill(&format!(
            "为{purpose}，根据{{law}}{{law}}等法律法规规定，结合我县实际，{{short}}制定了《{measure}》，现印发给你们，请结合实际，认真遵照执行。执行中遇到的问题，请及时向{{short}}反馈。"
        ));
        self.line(&intro);
        self.line(&measure);
        let mut article = 0;
        let mut chapter = 1;
        self.line(&format!("第{}章　总则", cn_number(chapter)));
        article += 1;
        let defined = self.rng.chance(25);
        let basis = if defined {
            let reg = self.local_title();
            format!("{{law}}和《{reg}》（以下简称《条例》）")
        } else {
            "{law}{law}".to_owned()
        };
        let first = self.fill(&format!(
            "为了{purpose}，根据{basis}等有关法律法规，结合本县实际，制定本办法。"
        ));
        self.article(article, &first);
        let extra = 1 + self.rng.below(2);
        for s in self.rng.sample(GENERAL_ARTICLES, extra) {
            article += 1;
            let text = self.fill(s);
            self.article(article, &text);
        }
        let n = 3 + self.rng.below(3);
        let mut chapters: Vec<&str> = self.rng.sample(CHAPTERS, n);
        chapters.sort_by_key(|c| CHAPTERS.iter().position(|x| x == c));
        // The procedure articles are shared by several chapters: each is used once.
        let mut procedure = self
            .rng
            .sample(PROCEDURE_ARTICLES, PROCEDURE_ARTICLES.len());
        for name in chapters {
            let pool: &[&str] = match name {
                "管理职责" => DUTY_ARTICLES,
                "监督检查" => SUPERVISION_ARTICLES,
                "法律责任" => LIABILITY_ARTICLES,
                _ => &procedure,
            };
            if pool.len() < 2 {
                continue;
            }
            chapter += 1;
            self.line(&format!("第{}章　{name}", cn_number(chapter)));
            let count = 2 + self.rng.below(pool.len().min(4) - 1);
            let chosen = self.rng.sample(pool, count);
            if !matches!(name, "管理职责" | "监督检查" | "法律责任") {
                procedure.retain(|p| !chosen.contains(p));
            }
            for s in chosen {
                article += 1;
                let text = self.fill(s);
                self.article(article, &text);
            }
            if name == "法律责任" && defined {
                article += 1;
                let text = self.fill("违反本办法规定，情节严重的，按照《条例》有关规定给予处理。");
                self.article(article, &text);
            }
        }
        chapter += 1;
        self.line(&format!("第{}章　附则", cn_number(chapter)));
        article += 1;
        let text = self.fill("本办法由{short}负责解释。");
        self.article(article, &text);
        article += 1;
        let (m, d) = (1 + self.rng.below(12), 1 + self.rng.below(28));
        let years = 2 + self.rng.below(4);
        let mut last = if self.rng.chance(50) {
            format!("本办法自印发之日起施行，有效期{years}年。")
        } else {
            format!(
                "本办法自{}年{m}月{d}日起施行，有效期{years}年。",
                self.set.year
            )
        };
        if self.rng.chance(30) {
            let old = self.own_title();
            last.push_str(&format!("原《{old}》同时废止。"));
        }
        self.article(article, &last);
        self.signature(&issuer, false);
        title
    }

    /// A notice (通知): header, 文号, 关于开展…的通知, 一、 theme, 二、 time, 三、 content, 四、
    /// requirements, 落款.
    fn notice(&mut self) -> String {
        let issuer = self.set.issuer();
        let year = self.set.year;
        let activity = *self.rng.pick(ACTIVITIES);
        let title = if self.rng.chance(70) {
            format!("{issuer}关于开展{year}年{activity}的通知")
        } else {
            format!("关于做好{year}年{activity}的通知")
        };
        self.line(&issuer);
        let number = self.doc_number();
        self.line(&number);
        self.line(&title);
        let addressee = *self.rng.pick(ADDRESSEES);
        self.line(addressee);
        let intro = self.fill(&format!(
            "为深入学习宣传贯彻习近平法治思想，根据{{law}}和{{party}}要求，经研究，决定在全县开展{year}年{activity}。现将有关事项通知如下。"
        ));
        self.line(&intro);
        self.line("一、活动主题");
        let theme = *self.rng.pick(&[
            "大力弘扬宪法精神，推进中国式现代化。",
            "美好生活·民法典相伴。",
            "人人讲安全、个个会应急。",
            "尊法学法守法用法，共建法治高台。",
            "优化营商环境，护航高质量发展。",
        ]);
        self.line(theme);
        self.line("二、活动时间");
        let (m, d) = (1 + self.rng.below(12), 1 + self.rng.below(20));
        let d2 = d + 1 + self.rng.below(8);
        self.line(&format!("{year}年{m}月{d}日至{m}月{d2}日。"));
        self.line("三、活动内容");
        let items = 3 + self.rng.below(5);
        for i in 1..=items {
            let verb = *self.rng.pick(HEADING_VERBS);
            let object = *self.rng.pick(HEADING_OBJECTS);
            let mut para = format!("（{}）{verb}{object}。", cn_number(i));
            for _ in 0..1 + self.rng.below(3) {
                let s = self.phrase(NOTICE_SENTENCES);
                para.push_str(&s);
            }
            self.line(&para);
        }
        self.line("四、工作要求");
        let n = 3 + self.rng.below(3);
        for (i, (head, body)) in self.rng.sample(REQUIREMENTS, n).iter().enumerate() {
            let body = self.fill(body);
            self.line(&format!("（{}）{head}。{body}", cn_number(i + 1)));
        }
        if self.rng.chance(30) {
            self.line(&format!("附件：{year}年{activity}情况统计表"));
        }
        self.signature(&issuer, false);
        title
    }

    // ---- parts ----

    /// 第X条　text.
    fn article(&mut self, n: usize, text: &str) {
        self.line(&format!("第{}条　{text}", cn_number(n)));
    }

    /// A heading: 加强组织领导，压紧压实法治建设责任.
    fn heading(&mut self) -> String {
        let verb = *self.rng.pick(HEADING_VERBS);
        let object = *self.rng.pick(HEADING_OBJECTS);
        let tail = *self.rng.pick(HEADING_TAILS);
        format!("{verb}{object}，{tail}")
    }

    /// A document number: 高科发〔2023〕12号 (brackets as people type them, sometimes).
    fn doc_number(&mut self) -> String {
        let (open, close) = if self.rng.chance(85) {
            ("〔", "〕")
        } else {
            *self.rng.pick(&[("[", "]"), ("（", "）"), ("【", "】")])
        };
        let n = 1 + self.rng.below(60);
        format!(
            "{}{}发{open}{}{close}{n}号",
            self.set.place.abbr, self.set.bureau.code, self.set.year
        )
    }

    /// The 落款: issuer and date, Arabic or Chinese numerals; a summary's at the end of its year.
    fn signature(&mut self, issuer: &str, year_end: bool) {
        self.line(issuer);
        let m = if year_end {
            11 + self.rng.below(2)
        } else {
            1 + self.rng.below(12)
        };
        let d = 1 + self.rng.below(28);
        let year = self.set.year;
        let date = if self.rng.chance(15) {
            format!("{}年{}月{}日", cn_year(year), cn_number(m), cn_number(d))
        } else {
            format!("{year}年{m}月{d}日")
        };
        self.out.push_str(&date);
        if self.rng.chance(80) {
            self.out.push('\n');
        }
    }

    fn date_iso(&mut self) -> String {
        let (m, d) = (1 + self.rng.below(12), 1 + self.rng.below(28));
        format!("{}-{m:02}-{d:02}", self.set.year)
    }

    /// A county measure's title (高台县科技计划项目管理办法), remembered for later citations.
    fn own_title(&mut self) -> String {
        if !self.own.is_empty() && self.rng.chance(40) {
            return self.rng.pick(&self.own).clone();
        }
        let item = *self.rng.pick(self.set.bureau.items);
        let item = item.trim_matches(|c| c == '“' || c == '”');
        let ending = *self.rng.pick(MEASURE_ENDINGS);
        let title = if self.rng.chance(20) {
            format!(
                "{}{}{}年度{item}{ending}",
                self.set.place.county, self.set.bureau.name, self.set.year
            )
        } else {
            format!("{}{item}{ending}", self.set.place.county)
        };
        self.own.push(title.clone());
        title
    }

    /// A provincial regulation of the document's province.
    fn local_title(&mut self) -> String {
        match self.catalog.local.get(self.set.place.province) {
            Some(laws) if !laws.is_empty() => self.rng.pick(laws).title.clone(),
            _ => (*self.rng.pick(GANSU_REGULATIONS)).to_owned(),
        }
    }

    /// A law of the bureau's field (60 %) or a general one.
    fn law(&mut self) -> &'static Law {
        let catalog = self.catalog;
        let field = &catalog.by_bureau[self.set.bureau_index];
        if self.rng.chance(60) && !field.is_empty() {
            self.rng.pick(field)
        } else {
            self.rng.pick(&catalog.general)
        }
    }

    /// A citation of a law as documents write it: 《full》, 《short》, 《alias》, nested in another
    /// title with 〈〉, followed by a pin 第X条.
    fn law_citation(&mut self, pin: bool) -> String {
        let law = self.law();
        let written = match self.rng.below(100) {
            0..=49 => law.title.clone(),
            50..=87 => law.short.clone(),
            _ => law.alias.clone().unwrap_or_else(|| law.short.clone()),
        };
        // A title that holds a title already is not nested again.
        let nest = if law.title.contains('〈') {
            100
        } else {
            self.rng.below(100)
        };
        let cited = match nest {
            0..=2 => format!("《关于贯彻落实〈{written}〉的实施意见》"),
            3..=4 => format!("《{}实施〈{}〉办法》", self.set.place.province, law.title),
            5..=6 if law.title.ends_with('法') => format!(
                "《全国人民代表大会常务委员会关于修改〈{}〉的决定》",
                law.title
            ),
            5..=6 => format!("《国务院关于修改〈{}〉的决定》", law.title),
            7 => format!(
                "《{}{}关于学习宣传〈{written}〉的实施方案》",
                self.set.place.county, self.set.bureau.name
            ),
            _ => format!("《{written}》"),
        };
        if pin && nest > 7 && self.rng.chance(12) {
            let art = cn_number(1 + self.rng.below(90));
            if self.rng.chance(30) {
                let para = cn_number(1 + self.rng.below(4));
                return format!("{cited}第{art}条第{para}款");
            }
            return format!("{cited}第{art}条");
        }
        cited
    }

    /// One of `templates`, filled.
    fn phrase(&mut self, templates: &'static [&'static str]) -> String {
        let template = *self.rng.pick(templates);
        self.fill(template)
    }

    /// Fills the slots of a template (see `vocab`).
    fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() * 2);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let slot = &after[..close];
            self.slot(slot, &mut out);
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn slot(&mut self, slot: &str, out: &mut String) {
        match slot {
            "law" => out.push_str(&self.law_citation(true)),
            "lawbare" => out.push_str(&self.law_citation(false)),
            "law2" => {
                let a = self.law_citation(true);
                let b = self.law_citation(true);
                let sep = if self.rng.chance(30) { "、" } else { "" };
                out.push_str(&format!("{a}{sep}{b}"));
            }
            "own" => {
                let t = self.own_title();
                out.push_str(&format!("《{t}》"));
            }
            "party" => {
                let t = *self.rng.pick(PARTY);
                out.push_str(&format!("《{t}》"));
            }
            "local" => {
                let t = self.local_title();
                out.push_str(&format!("《{t}》"));
            }
            "pub" => {
                let t = *self.rng.pick(COMPILATIONS);
                out.push_str(&format!("《{t}》"));
            }
            "paper" => {
                let t = *self.rng.pick(NEWSPAPERS);
                out.push_str(&format!("《{t}》"));
            }
            "province" => out.push_str(self.set.place.province),
            "n" => out.push_str(&(2 + self.rng.below(59)).to_string()),
            "m" => out.push_str(&(1 + self.rng.below(9)).to_string()),
            "pct" => {
                if self.rng.chance(50) {
                    out.push_str("100%");
                } else {
                    let tenths = 900 + self.rng.below(100);
                    out.push_str(&format!("{}.{}%", tenths / 10, tenths % 10));
                }
            }
            "art" => out.push_str(&cn_number(1 + self.rng.below(90))),
            "town" => {
                let town: &&str = self.rng.pick(TOWNS);
                out.push_str(town);
            }
            "item" => {
                let i = *self.rng.pick(self.set.bureau.items);
                out.push_str(i);
            }
            "topic" => {
                let t = *self.rng.pick(self.set.bureau.topics);
                out.push_str(t);
            }
            "short" => out.push_str(&self.set.short()),
            "county" => out.push_str(self.set.place.county),
            "year" => out.push_str(&self.set.year.to_string()),
            "next" => out.push_str(&(self.set.year + 1).to_string()),
            "month" => out.push_str(&(1 + self.rng.below(12)).to_string()),
            "day" => out.push_str(&(1 + self.rng.below(28)).to_string()),
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
    }
}

/// 1 → 一, 12 → 十二, 20 → 二十, 45 → 四十五, 100 and more in Arabic digits.
pub fn cn_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_owned(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n % 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            match n % 10 {
                0 => "",
                r => DIGITS[r],
            }
        ),
        _ => n.to_string(),
    }
}

/// 2023 → 二〇二三.
pub fn cn_year(year: u32) -> String {
    year.to_string()
        .chars()
        .map(|c| cn_number(c.to_digit(10).unwrap_or(0) as usize))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(cn_number(1), "一");
        assert_eq!(cn_number(10), "十");
        assert_eq!(cn_number(12), "十二");
        assert_eq!(cn_number(20), "二十");
        assert_eq!(cn_number(45), "四十五");
        assert_eq!(cn_year(2023), "二〇二三");
    }
}
