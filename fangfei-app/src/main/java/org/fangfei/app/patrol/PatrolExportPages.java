package org.fangfei.app.patrol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.AccountNames;
import org.fangfei.app.shared.DataScope;
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
 * The patrol list as an .xlsx file: the list's filters and scope, the checklist answers
 * in words, the grid worker by name, China time; audited with its row count.
 */
@Controller
class PatrolExportPages {

	private final Patrols patrols;

	private final AccountNames names;

	private final AuditLog audit;

	PatrolExportPages(Patrols patrols, AccountNames names, AuditLog audit) {
		this.patrols = patrols;
		this.names = names;
		this.audit = audit;
	}

	static List<String> header() {
		List<String> header = new ArrayList<>(List.of("走访时间", "走访对象", "所在区划", "网格", "网格员", "地点"));
		for (Question q : Question.values()) {
			header.add(q.label());
		}
		header.addAll(List.of("发现情况", "上报线索", "线索编号", "照片数", "备注"));
		return header;
	}

	@Transactional
	@GetMapping("/patrols/export")
	@PreAuthorize("hasAuthority('patrol:patrol:export')")
	ResponseEntity<byte[]> export(@ModelAttribute PatrolQuery q, DataScope scope) {
		List<Patrol> found = Exports.all(page -> this.patrols.search(q, scope, page), "走访记录");
		Map<String, String> workers = this.names.byUsername(found.stream().map(Patrol::worker).toList());
		List<List<String>> rows = new ArrayList<>(found.size());
		for (Patrol p : found) {
			List<String> row = new ArrayList<>(List.of(Exports.time(p.visitedAt()), Exports.text(p.target()),
					Exports.text(p.regionName()), Exports.text(p.gridName()),
					workers.getOrDefault(p.worker(), p.worker()), Exports.text(p.place())));
			p.answers().values().forEach(a -> row.add(a == null ? "" : a.label()));
			row.addAll(List.of(p.summary(), Exports.yesNo(p.raiseClue()), Exports.text(p.clueRef()),
					String.valueOf(p.photoIds().size()), Exports.text(p.notes())));
			rows.add(row);
		}
		this.audit.success("EXPORT", "patrol", null, "导出走访巡查记录 " + found.size() + " 行", null, q.toString());
		return Uploads.xlsx(Exports.filename("走访巡查记录"), TabularFile.writeXlsx("走访巡查记录", header(), rows));
	}

}
