package org.fangfei.app.campaign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * A summary as a Word document, written with Apache POI's XWPF as the enquiry letters
 * are: the title centred, each line of the text a paragraph, headings (一、…) bold.
 */
final class SummaryDocx {

	private static final String FONT = "宋体";

	private SummaryDocx() {
	}

	static byte[] write(Summaries.Summary s) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFParagraph title = doc.createParagraph();
			title.setAlignment(ParagraphAlignment.CENTER);
			run(title, s.title(), 18, true);
			XWPFParagraph period = doc.createParagraph();
			period.setAlignment(ParagraphAlignment.CENTER);
			run(period, s.fromOn() + " 至 " + s.toOn() + (s.finalised() ? "" : "(草稿)"), 12, false);
			for (String line : s.body().split("\\R")) {
				XWPFParagraph p = doc.createParagraph();
				boolean heading = line.matches("^[一二三四五六七八九十]+、.*");
				if (!heading) {
					p.setIndentationFirstLine(480);
				}
				run(p, line, 12, heading);
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void run(XWPFParagraph p, String text, int size, boolean bold) {
		XWPFRun r = p.createRun();
		r.setFontFamily(FONT);
		r.setFontSize(size);
		r.setBold(bold);
		r.setText(text);
	}

}
