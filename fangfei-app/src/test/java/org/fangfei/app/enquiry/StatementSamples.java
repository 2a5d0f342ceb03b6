package org.fangfei.app.enquiry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Statements as banks send them, for the tests and the demo's shape: a rural credit
 * cooperative's GBK CSV with a 借/贷 flag, title rows and page subtotals; a commercial
 * bank's .xls with 借方发生额 and 贷方发生额 columns.
 */
final class StatementSamples {

	static final String COLLECTION = "6228480012340000001";

	static final String CONTROLLER = "6217000022220000009";

	static final String SELLER = "6222020033330000005";

	static final String PAYOUT = "6230580044440000007";

	private StatementSamples() {
	}

	/**
	 * The collection account's statement: three participants in, one transfer to the
	 * controller out.
	 */
	static byte[] cooperativeCsv(String p1, String p2, String p3, String p1Id) {
		String text = String.join("\r\n", "会宁县农村信用合作联社 客户交易明细(对账单)", "账号：" + COLLECTION + ",户名：会宁县金穗农业发展有限公司,,,,,,,,",
				"查询期间：2025-01-01 至 2025-12-31,,,,,,,,,", "交易时间,借贷标志,交易金额,余额,对方账号,对方户名,对方开户行,对方证件号码,摘要,交易网点",
				"2025-03-01 09:30:00,贷," + "50000.00,50000.00," + p1 + ",张三,会宁县农村信用合作联社," + p1Id + ",入股金,柜面",
				"2025-03-02 10:00:00,贷,\"30,000.00\",80000.00," + p2 + ",李四,中国农业银行会宁支行,,认购款,手机银行",
				"2025/3/3 11:15,贷,20000,100000.00," + p3 + ",王五,中国邮政储蓄银行会宁县支行,,入股金,柜面", "本页小计,,100000.00,,,,,,,",
				"2025-03-05 14:00:00,借,80000.00,20000.00," + CONTROLLER + ",周某,中国建设银行会宁支行,,转账,网银",
				"合计,,180000.00,,,,,,,", "打印日期：2026-01-05,,,,,,,,,");
		return text.getBytes(Charset.forName("GBK"));
	}

	/**
	 * An account paid by ten new payers in ten days with investment words in the memo:
	 * the detector's 集资类附言 alert.
	 */
	static byte[] memoCsv(String own, List<String> payers) {
		StringBuilder text = new StringBuilder("某银行 客户交易明细\r\n账号：" + own + ",户名：某投资公司,,,,,,,,\r\n"
				+ "交易时间,借贷标志,交易金额,余额,对方账号,对方户名,对方开户行,对方证件号码,摘要,交易网点\r\n");
		for (int i = 0; i < payers.size(); i++) {
			text.append("2025-03-%02d 10:00:00,贷,20000.00,%d.00,%s,出资人%d,某银行,,%s,柜面\r\n".formatted(i + 1,
					20000 * (i + 1), payers.get(i), i + 1, i % 2 == 0 ? "理财本金" : "投资款"));
		}
		return text.toString().getBytes(Charset.forName("GBK"));
	}

	/**
	 * The controller's statement: the transfer in (the other side), a house and payouts
	 * out.
	 */
	static byte[] bankXls() {
		return xls(List.of(List.of("中国建设银行 账户交易明细"), List.of("卡号：" + CONTROLLER, "户名：周某"),
				List.of("记账日期", "交易时间", "借方发生额", "贷方发生额", "余额", "对方账号", "对方户名", "对方开户行", "摘要", "交易渠道", "流水号"),
				List.of("20250305", "140000", "", "80000.00", "80000.00", COLLECTION, "会宁县金穗农业发展有限公司", "会宁县农村信用合作联社",
						"转账", "网银", "B0001"),
				List.of("20250310", "093000", "60000.00", "", "20000.00", SELLER, "会宁县某房地产公司", "中国工商银行会宁支行", "购房款",
						"柜面", "B0002"),
				List.of("20250315", "100000", "10000.00", "", "10000.00", PAYOUT, "刘某", "中国邮政储蓄银行会宁县支行", "返利", "网银",
						"B0003"),
				List.of("合计", "", "70000.00", "80000.00", "", "", "", "", "", "", "")));
	}

	/**
	 * The payout account's statement: the "interest" from the controller in (the other
	 * side of a transfer the controller's statement shows), 3,000 back to one
	 * participant.
	 */
	static byte[] payoutCsv(String p2) {
		String text = String.join("\r\n", "中国邮政储蓄银行 交易明细", "账号：" + PAYOUT + ",户名：刘某,,,,,,,,",
				"交易时间,借贷标志,交易金额,余额,对方账号,对方户名,对方开户行,对方证件号码,摘要,交易网点",
				"2025-03-15 10:00:00,贷,10000.00,10000.00," + CONTROLLER + ",周某,中国建设银行会宁支行,,返利,网银",
				"2025-04-01 09:00:00,借,3000.00,7000.00," + p2 + ",李四,中国农业银行会宁支行,,返利,网银");
		return text.getBytes(Charset.forName("GBK"));
	}

	static byte[] xls(List<List<String>> rows) {
		try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("明细");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
