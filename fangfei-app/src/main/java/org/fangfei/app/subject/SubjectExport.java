package org.fangfei.app.subject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger as an .xlsx file: every column a user can see, ID numbers masked only,
 * limited to the caller's scope and filters, and audited with its row count.
 */
@Service
class SubjectExport {

	/** More rows than this are refused: narrow the filters and export in parts. */
	static final int MAX_ROWS = 50_000;

	static final ZoneId CHINA = Times.zone();

	static final List<String> HEADER = List.of("编号", "名称", "主体类型", "统一社会信用代码", "身份证号", "法定代表人", "注册地址", "实际经营地址",
			"所在楼宇", "楼层房号", "所属区划代码", "所属区划", "所属网格", "行业", "集资模式", "监管单位", "风险等级", "状态", "经营范围", "禁用字词", "禁用字词审核",
			"备注", "登记人", "登记时间", "更新时间");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Subjects subjects;

	private final AuditLog audit;

	SubjectExport(Subjects subjects, AuditLog audit) {
		this.subjects = subjects;
		this.audit = audit;
	}

	/** 风险主体台账-20261123.xlsx, dated in China's time zone. */
	static String filename(String what) {
		return what + "-" + LocalDate.now(CHINA).format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx";
	}

	/**
	 * @throws Rejected when more than {@link #MAX_ROWS} subjects match
	 */
	@Transactional
	byte[] export(SubjectQuery q, DataScope scope) {
		List<Subject> found = this.subjects.list(q, scope, MAX_ROWS + 1);
		if (found.size() > MAX_ROWS) {
			throw new Rejected("符合条件的风险主体超过 " + MAX_ROWS + " 个，无法一次导出。请增加筛选条件（如所属区划、行业、状态）后分批导出。");
		}
		List<List<String>> rows = new ArrayList<>(found.size());
		found.forEach(s -> rows.add(row(s)));
		this.audit.success("EXPORT", "subject", null, "导出风险主体台账 " + found.size() + " 行", null, q.toString());
		return TabularFile.writeXlsx("风险主体台账", HEADER, rows);
	}

	private static List<String> row(Subject s) {
		return java.util.Arrays.asList(String.valueOf(s.id()), s.name(), s.kind().label(), s.creditCode(),
				s.idNumberMasked(), s.legalRepresentative(), s.registeredAddress(), s.businessAddress(),
				s.buildingName(), s.unit(), s.regionCode(), s.regionName(), s.gridName(), s.sectorLabel(),
				s.schemeLabel(), s.departmentName(), s.riskLevel() == null ? "" : s.riskLevel().label(),
				s.status().label(), s.businessScope(), String.join("、", s.statutoryWords()),
				s.wordReview() == null ? "" : s.wordReview().label(), s.notes(), s.createdBy(), time(s.createdAt()),
				time(s.updatedAt()));
	}

	private static String time(OffsetDateTime at) {
		return at == null ? "" : at.atZoneSameInstant(CHINA).format(TIME);
	}

}
