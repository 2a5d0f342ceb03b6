package org.fangfei.app.subject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.CreditCode;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.ImportChecks;
import org.fangfei.app.shared.ImportRefused;
import org.fangfei.app.shared.ImportReport;
import org.fangfei.app.shared.ImportRow;
import org.fangfei.app.shared.ImportTable.ImportLine;
import org.fangfei.app.shared.ImportTable;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports subjects from Excel or CSV, all or nothing. Every row passes the same
 * {@link SubjectRules} as the registration form, and no two rows of a file may be the
 * same subject (credit code, ID number, or name within a region). Nothing is written
 * unless every row passes; the import checks the file again inside its one transaction
 * and writes each subject the way {@link Subjects#create} does, with one audit entry for
 * the whole file.
 */
@Service
class SubjectImport {

	private static final int DESCRIBED_NAMES = 5;

	private final SubjectRowReader reader;

	private final SubjectRules rules;

	private final Subjects subjects;

	private final AuditLog audit;

	SubjectImport(SubjectRowReader reader, SubjectRules rules, Subjects subjects, AuditLog audit) {
		this.reader = reader;
		this.rules = rules;
		this.subjects = subjects;
		this.audit = audit;
	}

	/** The outcome of checking a file: the report, and the subjects to write. */
	private record Checked(ImportReport report, List<SubjectRules.Checked> subjects) {
	}

	/** Checks every row of a file; writes nothing. */
	@Transactional(readOnly = true)
	ImportReport check(ImportTable<SubjectTemplate> table, DataScope scope) {
		return checkAll(table, scope).report();
	}

	/**
	 * Checks the file again and writes all its rows, or none.
	 * @return the number of subjects registered
	 * @throws ImportRefused when the file or any row is invalid; nothing is written
	 */
	@Transactional
	int commit(ImportTable<SubjectTemplate> table, DataScope scope, String actor) {
		Checked checked = checkAll(table, scope);
		if (!checked.report().importable()) {
			throw new ImportRefused(checked.report());
		}
		try {
			checked.subjects().forEach(subject -> this.subjects.insert(subject, actor));
		}
		catch (DuplicateKeyException ex) {
			// another user registered the same subject between our check and our insert
			throw new Rejected("导入期间数据已被他人修改，未写入任何数据。请重新上传校验。");
		}
		long flagged = checked.subjects().stream().filter(s -> !s.words().isEmpty()).count();
		String summary = "导入风险主体 " + checked.subjects().size() + " 个"
				+ (flagged == 0 ? "" : "，其中 " + flagged + " 个含条例第九条禁用字词，待审核");
		this.audit.success("IMPORT", "subject", null, summary, null, describe(table));
		return checked.subjects().size();
	}

	private Checked checkAll(ImportTable<SubjectTemplate> table, DataScope scope) {
		if (!table.problems().isEmpty()) {
			return new Checked(ImportReport.of(table.kind(), table.problems(), List.of()), List.of());
		}
		SubjectRowReader.Dictionaries dictionaries = this.reader.dictionaries();
		InFile inFile = new InFile(table.lines());
		List<ImportRow> rows = new ArrayList<>(table.lines().size());
		List<SubjectRules.Checked> passed = new ArrayList<>(table.lines().size());
		for (ImportLine line : table.lines()) {
			SubjectRowReader.Read read = this.reader.read(line, dictionaries);
			Map<String, String> problems = new LinkedHashMap<>(read.problems());
			inFile.check(line, problems);
			SubjectRules.Checked checked = read.checkable() ? checkRules(read.form(), scope, problems) : null;
			if (problems.isEmpty()) {
				passed.add(checked);
			}
			rows.add(ImportRow.of(line.number(), maskedValues(line), List.copyOf(problems.values())));
		}
		return new Checked(ImportReport.of(table.kind(), List.of(), rows), passed);
	}

	/** The registration form's checks; a refusal's messages join the row's problems. */
	private SubjectRules.Checked checkRules(SubjectForm form, DataScope scope, Map<String, String> problems) {
		try {
			return this.rules.check(form, null, scope);
		}
		catch (Rejected ex) {
			Map<String, String> errors = new HashMap<>(ex.fieldErrors());
			String existing = errors.remove("duplicateOf");
			errors.forEach((field, message) -> problems.putIfAbsent(field,
					existing == null ? message : message + "（已登记的主体编号 " + existing + "），请勿重复建档"));
			return null;
		}
	}

	/** The row for the report, with the ID number masked even when mistyped. */
	private static List<String> maskedValues(ImportLine line) {
		List<String> values = new ArrayList<>(line.values(SubjectTemplate.SUBJECT));
		int id = SubjectTemplate.SUBJECT.columns().indexOf(SubjectTemplate.ID_NUMBER);
		String idNumber = values.get(id);
		values.set(id, idNumber.isEmpty() ? "" : PersonalData.maskIdNumber(PersonalData.normaliseIdNumber(idNumber)));
		return values;
	}

	/** The audit entry's "after": the file and the first names, never ID numbers. */
	private static String describe(ImportTable<SubjectTemplate> table) {
		String names = table.lines()
			.stream()
			.limit(DESCRIBED_NAMES)
			.map(l -> l.get(SubjectTemplate.NAME))
			.collect(Collectors.joining("、"));
		return "文件 " + table.filename() + "；" + table.lines().size() + " 行；名称：" + names
				+ (table.lines().size() > DESCRIBED_NAMES ? " 等" : "");
	}

	/**
	 * The same subject twice in one file: same credit code, ID number, or name in a
	 * region.
	 */
	private static final class InFile {

		private final Map<String, Integer> creditCodes;

		private final Map<String, Integer> idNumbers;

		private final Map<String, Integer> names;

		InFile(List<ImportLine> lines) {
			this.creditCodes = ImportChecks.firstLines(lines, InFile::creditCode);
			this.idNumbers = ImportChecks.firstLines(lines, InFile::idNumber);
			this.names = ImportChecks.firstLines(lines, InFile::nameInRegion);
		}

		void check(ImportLine line, Map<String, String> problems) {
			duplicate("creditCode", SubjectTemplate.CREDIT_CODE, creditCode(line), line, this.creditCodes, problems);
			duplicate("idNumber", SubjectTemplate.ID_NUMBER, idNumber(line), line, this.idNumbers, problems);
			duplicate("name", "名称和所属区划", nameInRegion(line), line, this.names, problems);
		}

		private static void duplicate(String field, String what, String key, ImportLine line,
				Map<String, Integer> first, Map<String, String> problems) {
			List<String> found = new ArrayList<>(1);
			ImportChecks.unique(what, key, line, first, found);
			found.forEach(problem -> problems.putIfAbsent(field, problem));
		}

		private static String creditCode(ImportLine line) {
			return CreditCode.normalise(line.get(SubjectTemplate.CREDIT_CODE));
		}

		private static String idNumber(ImportLine line) {
			return PersonalData.normaliseIdNumber(line.get(SubjectTemplate.ID_NUMBER));
		}

		private static String nameInRegion(ImportLine line) {
			String name = line.get(SubjectTemplate.NAME).trim();
			return name.isEmpty() ? null : name + "\n" + line.get(SubjectTemplate.REGION_CODE);
		}

	}

}
