package org.fangfei.app.organisation;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.ImportRefused;
import org.fangfei.app.shared.ImportReport;
import org.fangfei.app.shared.ImportRow;
import org.fangfei.app.shared.ImportTable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports regions, grids and people from Excel or CSV, all or nothing: a file is first
 * checked row by row and nothing is written unless every row passes; the import itself
 * checks the file again inside its one transaction, so that rows which became invalid
 * since the check (a code or phone registered meanwhile) roll the whole import back. One
 * audit entry records each import.
 */
@Service
class OrganisationImport {

	private static final int DESCRIBED_KEYS = 5;

	private final RegionImport regions;

	private final GridImport grids;

	private final PersonImport people;

	private final AuditLog audit;

	OrganisationImport(RegionImport regions, GridImport grids, PersonImport people, AuditLog audit) {
		this.regions = regions;
		this.grids = grids;
		this.people = people;
		this.audit = audit;
	}

	/**
	 * Reads an uploaded file and matches its header against the kind's template.
	 * @throws org.fangfei.app.shared.Rejected when the file is not readable Excel or CSV,
	 * is empty or has too many rows
	 */
	ImportTable<ImportKind> read(ImportKind kind, String filename, InputStream in) {
		return ImportTable.read(kind, filename, in);
	}

	/** Checks every row of a file; writes nothing. */
	@Transactional(readOnly = true)
	ImportReport check(ImportTable<ImportKind> table, DataScope scope) {
		if (!table.problems().isEmpty()) {
			return ImportReport.of(table.kind(), table.problems(), List.of());
		}
		return switch (table.kind()) {
			case REGION -> ImportReport.of(table.kind(), List.of(), this.regions.check(table, scope).rows());
			case GRID -> ImportReport.of(table.kind(), List.of(), this.grids.check(table, scope).rows());
			case PERSON -> ImportReport.of(table.kind(), List.of(), this.people.check(table, scope).rows());
		};
	}

	/**
	 * Checks the file again and writes all its rows, or none.
	 * @return the number of rows written
	 * @throws ImportRefused when the file or any row is invalid; nothing is written
	 */
	@Transactional
	int commit(ImportTable<ImportKind> table, DataScope scope) {
		if (!table.problems().isEmpty()) {
			throw new ImportRefused(ImportReport.of(table.kind(), table.problems(), List.of()));
		}
		try {
			int written = switch (table.kind()) {
				case REGION -> commitRegions(table, scope);
				case GRID -> commitGrids(table, scope);
				case PERSON -> commitPeople(table, scope);
			};
			String summary = "导入" + table.kind().label() + " " + written + " 行";
			this.audit.success("IMPORT", table.kind().path(), null, summary, null, describe(table));
			return written;
		}
		catch (DuplicateKeyException ex) {
			// another user wrote the same code or phone between our check and our insert
			throw new org.fangfei.app.shared.Rejected("导入期间数据已被他人修改，未写入任何数据。请重新上传校验。");
		}
	}

	private int commitRegions(ImportTable<ImportKind> table, DataScope scope) {
		RegionImport.Checked checked = this.regions.check(table, scope);
		refuseUnlessAllPassed(table, checked.rows());
		return this.regions.write(checked.regions());
	}

	private int commitGrids(ImportTable<ImportKind> table, DataScope scope) {
		GridImport.Checked checked = this.grids.check(table, scope);
		refuseUnlessAllPassed(table, checked.rows());
		return this.grids.write(checked.grids());
	}

	private int commitPeople(ImportTable<ImportKind> table, DataScope scope) {
		PersonImport.Checked checked = this.people.check(table, scope);
		refuseUnlessAllPassed(table, checked.rows());
		return this.people.write(checked.people());
	}

	private static void refuseUnlessAllPassed(ImportTable<ImportKind> table, List<ImportRow> rows) {
		ImportReport report = ImportReport.of(table.kind(), List.of(), rows);
		if (!report.importable()) {
			throw new ImportRefused(report);
		}
	}

	/**
	 * The audit entry's "after": the file and the first keys, never phone or ID numbers.
	 */
	private static String describe(ImportTable<ImportKind> table) {
		String keyColumn = table.kind().columns().get(0);
		List<String> keys = new ArrayList<>();
		table.lines().stream().limit(DESCRIBED_KEYS).forEach(l -> keys.add(l.get(keyColumn)));
		String more = table.lines().size() > DESCRIBED_KEYS ? " 等" : "";
		return "文件 " + table.filename() + "；" + table.lines().size() + " 行；" + keyColumn + "："
				+ keys.stream().collect(Collectors.joining("、")) + more;
	}

	/** The import template: the header row and one example row from the demo county. */
	byte[] template(ImportKind kind) {
		return kind.templateXlsx();
	}

}
