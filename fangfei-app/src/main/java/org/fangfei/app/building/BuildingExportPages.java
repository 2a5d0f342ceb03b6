package org.fangfei.app.building;

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
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The building ledger as an .xlsx file, with the list's filters and the caller's scope;
 * audited with its row count.
 */
@Controller
class BuildingExportPages {

	static final List<String> HEADER = List.of("楼宇名称", "类型", "地址", "所属区划", "所属网格", "楼层数", "入驻主体数", "最近扫楼", "状态", "备注");

	private final Buildings buildings;

	private final AuditLog audit;

	BuildingExportPages(Buildings buildings, AuditLog audit) {
		this.buildings = buildings;
		this.audit = audit;
	}

	@Transactional
	@GetMapping("/buildings/export")
	@PreAuthorize("hasAuthority('building:building:export')")
	ResponseEntity<byte[]> export(@ModelAttribute BuildingQuery q, DataScope scope) {
		List<Building> found = Exports.all(page -> this.buildings.search(q, scope, page), "楼宇");
		List<List<String>> rows = new ArrayList<>(found.size());
		found.forEach(b -> rows.add(Arrays.asList(b.name(), b.kind().label(), b.address(), b.regionName(), b.gridName(),
				Exports.text(b.floors()), String.valueOf(b.tenants()),
				b.lastSweptOn() == null ? "从未" : b.lastSweptOn().toString(), b.enabled() ? "在用" : "停用", b.notes())));
		this.audit.success("EXPORT", "building", null, "导出楼宇台账 " + found.size() + " 行", null, q.toString());
		return Uploads.xlsx(Exports.filename("楼宇台账"), TabularFile.writeXlsx("楼宇台账", HEADER, rows));
	}

}
