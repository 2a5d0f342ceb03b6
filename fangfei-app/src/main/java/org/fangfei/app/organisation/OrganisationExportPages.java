package org.fangfei.app.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The people and grid lists as .xlsx files, with the lists' filters and the caller's
 * scope; phones and ID numbers masked as on the page; each export audited with its row
 * count.
 */
@Controller
class OrganisationExportPages {

	static final List<String> PEOPLE_HEADER = List.of("姓名", "类别", "所属区划", "网格", "单位", "手机号", "身份证号", "状态");

	static final List<String> GRID_HEADER = List.of("网格编码", "网格名称", "层级", "所属区划", "上级网格", "人员数", "状态");

	private final People people;

	private final Grids grids;

	private final AuditLog audit;

	OrganisationExportPages(People people, Grids grids, AuditLog audit) {
		this.people = people;
		this.grids = grids;
		this.audit = audit;
	}

	@Transactional
	@GetMapping("/people/export")
	@PreAuthorize("hasAuthority('org:person:export')")
	ResponseEntity<byte[]> people(@RequestParam(required = false) String q,
			@RequestParam(required = false) PersonRole role, @RequestParam(required = false) Long gridId,
			DataScope scope) {
		List<Person> found = Exports.all(page -> this.people.search(q, role, gridId, scope, page), "人员");
		List<List<String>> rows = new ArrayList<>(found.size());
		found.forEach(p -> rows.add(Arrays.asList(p.name(), p.role().label(), p.regionName(), p.gridName(),
				p.departmentName(), p.phoneMasked(), p.idNumberMasked(), p.enabled() ? "在岗" : "停用")));
		this.audit.success("EXPORT", "person", null, "导出人员 " + found.size() + " 行", null,
				"q=" + Exports.text(q) + ", role=" + Exports.text(role) + ", gridId=" + Exports.text(gridId));
		return Uploads.xlsx(Exports.filename("人员"), TabularFile.writeXlsx("人员", PEOPLE_HEADER, rows));
	}

	@Transactional
	@GetMapping("/grids/export")
	@PreAuthorize("hasAuthority('org:grid:export')")
	ResponseEntity<byte[]> grids(@RequestParam(required = false) String q,
			@RequestParam(required = false) Integer level, DataScope scope) {
		List<Grid> found = Exports.all(page -> this.grids.search(q, level, scope, page), "网格");
		List<List<String>> rows = new ArrayList<>(found.size());
		found.forEach(g -> rows.add(Arrays.asList(g.code(), g.name(), g.level() == 1 ? "一级网格" : "二级网格", g.regionName(),
				g.parentName(), String.valueOf(g.people()), g.enabled() ? "正常" : "停用")));
		this.audit.success("EXPORT", "grid", null, "导出网格 " + found.size() + " 行", null,
				"q=" + Exports.text(q) + ", level=" + Exports.text(level));
		return Uploads.xlsx(Exports.filename("网格"), TabularFile.writeXlsx("网格", GRID_HEADER, rows));
	}

}
