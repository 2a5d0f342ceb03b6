package org.fangfei.app.outreach;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * The year's typical cases as a printable Word booklet (典型案例汇编, seed 004 task 28),
 * written with Apache POI's XWPF: a title page, then one case per page with its five
 * parts.
 */
final class CaseBooklet {

	private static final String FONT = "宋体";

	private CaseBooklet() {
	}

	static byte[] write(String title, List<TypicalCases.TypicalCase> cases) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFParagraph cover = doc.createParagraph();
			cover.setAlignment(ParagraphAlignment.CENTER);
			run(cover, title, 22, true);
			XWPFParagraph count = doc.createParagraph();
			count.setAlignment(ParagraphAlignment.CENTER);
			run(count, "共 " + cases.size() + " 个案例", 14, false);
			int n = 1;
			for (TypicalCases.TypicalCase c : cases) {
				XWPFParagraph heading = doc.createParagraph();
				heading.setPageBreak(true);
				heading.setAlignment(ParagraphAlignment.CENTER);
				run(heading, "案例" + n++ + "  " + c.title(), 16, true);
				part(doc, "一、基本案情", c.scheme());
				part(doc, "二、发现经过", c.howFound());
				part(doc, "三、处置结果", c.outcome());
				part(doc, "四、以案释法", c.law());
				part(doc, "五、风险警示", c.lessons());
			}
			if (cases.isEmpty()) {
				XWPFParagraph none = doc.createParagraph();
				none.createRun().addBreak(BreakType.TEXT_WRAPPING);
				run(none, "本年度暂无公开的典型案例。", 12, false);
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void part(XWPFDocument doc, String heading, String text) {
		run(doc.createParagraph(), heading, 14, true);
		for (String line : text.split("\\R")) {
			XWPFParagraph p = doc.createParagraph();
			p.setIndentationFirstLine(480);
			run(p, line, 12, false);
		}
	}

	private static void run(XWPFParagraph p, String text, int size, boolean bold) {
		XWPFRun r = p.createRun();
		r.setText(text);
		r.setFontSize(size);
		r.setBold(bold);
		r.setFontFamily(FONT);
	}

}
