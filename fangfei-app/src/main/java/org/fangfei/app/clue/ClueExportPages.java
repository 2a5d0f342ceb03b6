package org.fangfei.app.clue;

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
 * The clue list as an .xlsx file: the list's own search with its filters and the caller's
 * visibility, Chinese labels, China time, audited with its row count. No informant or
 * tipster is in it.
 */
@Controller
class ClueExportPages {

	static final List<String> HEADER = List.of("线索编号", "标题", "线索来源", "接收时间", "所在区划", "行业", "等级", "承办单位", "状态", "办理期限",
			"是否逾期", "是否督办");

	private final ClueQueries queries;

	private final AuditLog audit;

	ClueExportPages(ClueQueries queries, AuditLog audit) {
		this.queries = queries;
		this.audit = audit;
	}

	@Transactional
	@GetMapping("/clues/export")
	@PreAuthorize("hasAuthority('clue:clue:export')")
	ResponseEntity<byte[]> export(@ModelAttribute ClueQuery q, Actor actor) {
		List<ClueRow> found = Exports.all(page -> this.queries.search(q, actor, page), "线索");
		List<List<String>> rows = new ArrayList<>(found.size());
		found.forEach(c -> rows.add(row(c)));
		this.audit.success("EXPORT", "clue", null, "导出线索台账 " + found.size() + " 行", null, q.toString());
		return Uploads.xlsx(Exports.filename("线索台账"), TabularFile.writeXlsx("线索台账", HEADER, rows));
	}

	private static List<String> row(ClueRow c) {
		return Arrays.asList(c.code(), c.title(), c.source().label(), Exports.time(c.receivedAt()), c.regionName(),
				c.sectorLabel() == null ? "未知" : c.sectorLabel(), c.grade().label(), c.handlerName(), c.state().label(),
				Exports.text(c.dueOn()), Exports.yesNo(c.overdue()), Exports.yesNo(c.supervised()));
	}

}
