package org.fangfei.app.enquiry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.poi.hssf.record.CodepageRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.fangfei.app.casefile.CaseDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.TabularFile;

import org.springframework.stereotype.Component;

/**
 * The demo county's fund tracing (a demo part, after the cases): for the key case, 金穗农业,
 * an enquiry at two banks approved by the office head, and their statements in two
 * layouts — the rural credit cooperative's GBK .xls (code page 936, read by POI HSSF)
 * with debit and credit columns for the collection account, the construction bank's GBK
 * CSV with a 收/付 flag for the controller's account — read through the services; the
 * transfer both show is counted once, and the accounts are marked as the office would
 * mark them: collection, controller, payout, the house bought. Names, numbers and ID
 * numbers are invented.
 */
@Component
class DemoTracing implements DemoPart {

	static final String KEY_CASE = "会宁县金穗农业发展有限公司集资诈骗案（演示）";

	static final String COLLECTION = "6228480017300056781";

	static final String CONTROLLER = "6217002730001234568";

	static final String PAYOUT = "6230580017300098765";

	static final String HOUSE = "6222021730004567893";

	static final String RELATIVE = "6217002730007654329";

	private static final String COUNTY = "620422000000";

	/** The Windows code page of GBK, as a Chinese .xls names it. */
	static final short GBK_CODEPAGE = 936;

	private final Enquiries enquiries;

	private final Statements statements;

	private final TraceAccounts accounts;

	private final CaseDirectory cases;

	DemoTracing(Enquiries enquiries, Statements statements, TraceAccounts accounts, CaseDirectory cases) {
		this.enquiries = enquiries;
		this.statements = statements;
		this.accounts = accounts;
		this.cases = cases;
	}

	@Override
	public String name() {
		return "enquiry.tracing";
	}

	@Override
	public int order() {
		return 63;
	}

	@Override
	public void run() {
		Actor office = actor("office", "OFFICE", Set.of(Enquiries.DRAFT, Enquiries.VIEW, Statements.LOAD));
		Actor chief = actor("chief", "OFFICE_HEAD", Set.of(ApprovalNeedsOfficeHead.APPROVE, Enquiries.VIEW));
		CaseDirectory.CaseRef key = this.cases.recentOpen(office.scope(), 100)
			.stream()
			.filter((c) -> c.title().equals(KEY_CASE))
			.findFirst()
			.orElse(null);
		if (key == null) {
			return;
		}
		long coop = this.enquiries.draft(
				new EnquiryForm("ENQUIRY", "CASE", key.id(), "会宁县农村信用合作联社", LocalDate.of(2019, 1, 1),
						LocalDate.of(2020, 6, 30), "查明金穗农业归集账户的资金来源和去向", null, null, COLLECTION + " 会宁县金穗农业发展有限公司"),
				office);
		long ccb = this.enquiries
			.draft(new EnquiryForm("ENQUIRY", "CASE", key.id(), "中国建设银行会宁支行", LocalDate.of(2019, 1, 1),
					LocalDate.of(2020, 6, 30), "查明实际控制人个人账户接收的集资款去向", null, null, CONTROLLER + " 马金山"), office);
		this.enquiries.decide(coop, true, "同意查询", chief);
		this.enquiries.decide(ccb, true, "同意查询", chief);
		Random random = new Random(20_190_301);
		Collection collection = collectionXls(random);
		load(coop, "信用社对账单-金穗农业.xls", collection.xls(), office);
		load(ccb, "建行交易明细-马金山.csv", controllerCsv(collection.toControllerFen()), office);
		Matter matter = new Matter("CASE", key.id(), KEY_CASE, COUNTY);
		var ids = this.accounts.ensure(matter, List.of(COLLECTION, CONTROLLER, PAYOUT, HOUSE, RELATIVE));
		this.accounts.assign(matter, ids.get(COLLECTION), "COLLECTION");
		this.accounts.assign(matter, ids.get(CONTROLLER), "CONTROLLER");
		this.accounts.assign(matter, ids.get(PAYOUT), "PAYOUT");
		this.accounts.assign(matter, ids.get(HOUSE), "ASSET");
	}

	private void load(long enquiry, String name, byte[] bytes, Actor office) {
		List<TabularFile.Line> lines = TabularFile.readLines(name, new ByteArrayInputStream(bytes),
				Statements.MAX_ROWS);
		this.statements.load(enquiry, name, lines, "", null, office);
	}

	/**
	 * The collection account: 60 participants pay in over three months, the money goes on
	 * to the controller and to the payout account, which returns "interest" monthly.
	 */
	static Collection collectionXls(Random random) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("会宁县农村信用合作联社 对公账户交易明细"));
		rows.add(List.of("账号：" + COLLECTION, "户名：会宁县金穗农业发展有限公司"));
		rows.add(List.of("交易日期", "交易时间", "摘要", "借方发生额", "贷方发生额", "余额", "对方账号", "对方户名", "对方开户行", "对方证件号码", "交易网点",
				"交易流水号"));
		long balance = 0;
		LocalDateTime at = LocalDateTime.of(2019, 3, 1, 9, 0);
		int serial = 1;
		for (int i = 0; i < 60; i++) {
			long fen = (20 + random.nextInt(180)) * 100_000L;
			balance += fen;
			String id = idNumber(random);
			rows.add(row(at, "入股金", 0, fen, balance, "62284800" + (1_000_000_000L + random.nextInt(900_000_000)),
					"参与人" + (i + 1), "会宁县农村信用合作联社", id, i % 3 == 0 ? "手机银行" : "柜面", "X" + serial++));
			at = at.plusHours(7 + random.nextInt(30));
		}
		long toController = balance * 6 / 10;
		balance -= toController;
		rows.add(row(LocalDateTime.of(2019, 6, 10, 15, 20), "往来款", toController, 0, balance, CONTROLLER, "马金山",
				"中国建设银行会宁支行", "", "网银", "X" + serial++));
		long toPayout = balance / 2;
		balance -= toPayout;
		rows.add(row(LocalDateTime.of(2019, 6, 12, 10, 0), "备用金", toPayout, 0, balance, PAYOUT, "马小梅", "中国邮政储蓄银行会宁县支行",
				"", "网银", "X" + serial++));
		rows.add(List.of("本期合计", "", "", yuan(toController + toPayout), "", "", "", "", "", "", "", ""));
		return new Collection(xls(rows), toController);
	}

	/** The collection account's statement and what it sent the controller. */
	record Collection(byte[] xls, long toControllerFen) {
	}

	/** The controller's account: the transfer in, a house, a relative, cash. */
	static byte[] controllerCsv(long receivedFen) {
		long house = receivedFen * 45 / 100;
		long relative = receivedFen * 25 / 100;
		long cash = receivedFen * 5 / 100;
		long rest1 = receivedFen - house;
		long rest2 = rest1 - relative;
		long rest3 = rest2 - cash;
		StringBuilder csv = new StringBuilder();
		csv.append("中国建设银行个人活期账户交易明细\r\n");
		csv.append("卡号：").append(CONTROLLER).append("  户名：马金山\r\n");
		csv.append("交易时间,收/付,交易金额,账户余额,对手账号,对手户名,对方开户行,用途,交易渠道\r\n");
		csv.append("2019-06-10 15:20:00,收,")
			.append(yuan(receivedFen))
			.append(',')
			.append(yuan(receivedFen))
			.append(',')
			.append(COLLECTION)
			.append(",会宁县金穗农业发展有限公司,会宁县农村信用合作联社,往来款,网银\r\n");
		csv.append("2019-06-20 11:00:00,付,")
			.append(yuan(house))
			.append(',')
			.append(yuan(rest1))
			.append(',')
			.append(HOUSE)
			.append(",会宁县某房地产开发有限公司,中国工商银行会宁支行,购房款,柜面\r\n");
		csv.append("2019-07-02 09:30:00,付,")
			.append(yuan(relative))
			.append(',')
			.append(yuan(rest2))
			.append(',')
			.append(RELATIVE)
			.append(",马金花,中国建设银行会宁支行,借款,手机银行\r\n");
		csv.append("2019-07-15 16:45:00,付,")
			.append(yuan(cash))
			.append(',')
			.append(yuan(rest3))
			.append(",,,,现金支取,柜面\r\n");
		csv.append("合计,,,,,,,,\r\n");
		return csv.toString().getBytes(Charset.forName("GBK"));
	}

	private static List<String> row(LocalDateTime at, String memo, long debit, long credit, long balance,
			String counter, String name, String bank, String id, String channel, String serial) {
		return List.of(at.toLocalDate().toString().replace("-", ""),
				at.toLocalTime().toString().replace(":", "") + "00", memo, debit == 0 ? "" : yuan(debit),
				credit == 0 ? "" : yuan(credit), yuan(balance), counter, name, bank, id, channel, serial);
	}

	private static String yuan(long fen) {
		return fen / 100 + "." + String.format("%02d", fen % 100);
	}

	private static String idNumber(Random random) {
		LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(18_000));
		String first17 = "620422" + born.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
		return first17 + PersonalData.idCheckCharacter(first17);
	}

	static byte[] xls(List<List<String>> rows) {
		try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			// written as a Chinese bank's system writes it: the workbook's code page is
			// GBK
			// (936), not POI's UTF-16 default
			((CodepageRecord) wb.getInternalWorkbook().findFirstRecordBySid(CodepageRecord.sid))
				.setCodepage(GBK_CODEPAGE);
			Sheet sheet = wb.createSheet("交易明细");
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

	private static Actor actor(String username, String role, Set<String> permissions) {
		return new Actor(0, username, "演示数据", COUNTY, null, true, Set.of(role), permissions,
				DataScope.jurisdiction(COUNTY));
	}

}
