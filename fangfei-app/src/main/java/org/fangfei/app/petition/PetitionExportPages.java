package org.fangfei.app.petition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The petition list as an .xlsx file: the list's own search with its filters and scope,
 * Chinese labels, audited with its row count. Petitioners appear by the first name only;
 * no ID number or phone is in it.
 */
@Controller
class PetitionExportPages {

	static final List<String> HEADER = List.of("编号", "信访形式", "收到日期", "所在区划", "信访人", "人数", "集体访", "到达层级", "关联案件", "信访诉求",
			"状态", "受理告知期限", "办结期限", "延期(工作日)", "是否逾期", "答复日期", "满意度");

	private final PetitionQueries queries;

	private final AuditLog audit;

	PetitionExportPages(PetitionQueries queries, AuditLog audit) {
		this.queries = queries;
		this.audit = audit;
	}

	@Transactional
	@GetMapping("/petitions/export")
	@PreAuthorize("hasAuthority('petition:petition:export')")
	ResponseEntity<byte[]> export(@ModelAttribute PetitionQuery q, Actor actor) {
		List<PetitionRow> found = Exports.all(page -> this.queries.search(q, actor.scope(), page), "信访件");
		List<List<String>> rows = new ArrayList<>(found.size());
		found.forEach(p -> rows.add(row(p)));
		this.audit.success("EXPORT", "petition", null, "导出信访件 " + found.size() + " 行", null, q.toString());
		return Uploads.xlsx(Exports.filename("信访件台账"), TabularFile.writeXlsx("信访件台账", HEADER, rows));
	}

	private static List<String> row(PetitionRow p) {
		return Arrays.asList(p.code(), p.channel().label(), p.receivedOn().toString(),
				p.regionName() == null ? p.regionCode() : p.regionName(), Exports.text(p.petitioner()),
				Integer.toString(p.petitionersCount()), Exports.yesNo(p.collective()), p.level().label(),
				Exports.text(p.caseCode()), p.request(), p.status().label(), p.acceptDueOn().toString(),
				Exports.text(p.finishDueOn()), Exports.text(p.extensionDays()), Exports.yesNo(p.overdue()),
				Exports.text(p.repliedOn()), p.satisfaction() == null ? "" : p.satisfaction().label());
	}

}
