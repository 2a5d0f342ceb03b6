package org.fangfei.app.enquiry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * The letter an approved enquiry or freeze is sent to the bank with (协助查询/冻结财产通知书),
 * written with Apache POI's XWPF as the typical-case booklet is: the request, the
 * accounts with their full numbers (the bank needs them; the letter is printed, not
 * kept), the period or the amount and term, the legal basis, and the approval.
 */
final class RequestLetter {

	private static final String FONT = "宋体";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private RequestLetter() {
	}

	/** One account as the letter lists it. */
	record Line(String number, String holder) {
	}

	static byte[] write(Enquiries.Enquiry e, List<Line> accounts, String office, String approver) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFParagraph title = doc.createParagraph();
			title.setAlignment(ParagraphAlignment.CENTER);
			run(title, e.freeze() ? "协助冻结财产通知书" : "协助查询财产通知书", 20, true);
			XWPFParagraph no = doc.createParagraph();
			no.setAlignment(ParagraphAlignment.CENTER);
			run(no, "编号：" + (e.freeze() ? "冻" : "查") + "〔" + e.draftedAt().getYear() + "〕" + e.id() + "号", 12, false);
			run(doc.createParagraph(), e.bank() + "：", 14, false);
			paragraph(doc, "因办理" + e.matterLabel() + "，根据《防范和处置非法集资条例》第二十一条，经本机关负责人批准，请贵行协助"
					+ (e.freeze() ? "冻结下列账户内资金" : "查询下列账户的开户资料及交易明细") + "。事由：" + e.reason());
			XWPFTable table = doc.createTable(accounts.size() + 1, 3);
			cell(table, 0, 0, "序号");
			cell(table, 0, 1, "账号");
			cell(table, 0, 2, "户名");
			for (int i = 0; i < accounts.size(); i++) {
				cell(table, i + 1, 0, Integer.toString(i + 1));
				cell(table, i + 1, 1, accounts.get(i).number());
				cell(table, i + 1, 2, accounts.get(i).holder());
			}
			if (e.freeze()) {
				paragraph(doc, "冻结金额：人民币 " + e.freezeAmount() + " 元；冻结期限至 " + e.freezeUntil().format(DAY) + "。");
			}
			else {
				paragraph(doc, "查询期间：" + e.period(DAY)
						+ "。请提供上述期间的交易明细(对账单)，包括交易时间、借贷标志、交易金额、余额、对方账号、对方户名、对方开户行、摘要和交易网点/渠道，" + "Excel 或 CSV 格式均可。");
			}
			paragraph(doc, "请予协助，并将执行情况回复本机关。");
			XWPFParagraph sign = doc.createParagraph();
			sign.setAlignment(ParagraphAlignment.RIGHT);
			run(sign, office, 12, false);
			XWPFParagraph approved = doc.createParagraph();
			approved.setAlignment(ParagraphAlignment.RIGHT);
			run(approved, "批准人：" + approver + "  " + (e.decidedAt() == null ? "" : e.decidedAt().format(DAY)), 12,
					false);
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void paragraph(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setIndentationFirstLine(480);
		run(p, text, 12, false);
	}

	private static void cell(XWPFTable table, int row, int col, String text) {
		XWPFParagraph p = table.getRow(row).getCell(col).getParagraphs().get(0);
		run(p, text, 11, row == 0);
	}

	private static void run(XWPFParagraph p, String text, int size, boolean bold) {
		XWPFRun r = p.createRun();
		r.setText(text);
		r.setFontSize(size);
		r.setBold(bold);
		r.setFontFamily(FONT);
	}

}
