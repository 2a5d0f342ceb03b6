package org.fangfei.app.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fangfei.app.organisation.ImportKind.Columns;
import org.fangfei.app.organisation.People.NewPerson;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.ImportChecks;
import org.fangfei.app.shared.ImportRow;
import org.fangfei.app.shared.ImportTable.ImportLine;
import org.fangfei.app.shared.ImportTable;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Regions12;

import org.springframework.stereotype.Component;

/**
 * Checks and writes the rows of a 人员 import file by the rules of {@link People}: a valid
 * phone is required, an ID number is optional, neither may be registered to anyone else
 * nor repeat within the file. The report masks well-formed phones and every ID number.
 */
@Component
class PersonImport {

	private static final String ROLES = Arrays.stream(PersonRole.values())
		.map(PersonRole::label)
		.collect(Collectors.joining("、"));

	private final People people;

	private final Grids grids;

	private final Regions regions;

	PersonImport(People people, Grids grids, Regions regions) {
		this.people = people;
		this.grids = grids;
		this.regions = regions;
	}

	record Checked(List<ImportRow> rows, List<NewPerson> people) {
	}

	/** What the file's rows refer to, looked up once for the whole file. */
	private record Context(Map<String, Region> regions, Map<String, Grid> grids, Map<String, Integer> phoneLines,
			Map<String, Integer> idLines, Set<String> registeredPhones, Set<String> registeredIds, DataScope scope) {
	}

	Checked check(ImportTable<ImportKind> table, DataScope scope) {
		List<ImportLine> lines = table.lines();
		Map<String, Integer> phoneLines = ImportChecks.firstLines(lines, PersonImport::phone);
		Map<String, Integer> idLines = ImportChecks.firstLines(lines, PersonImport::idNumber);
		Context context = new Context(
				this.regions
					.byCodes(lines.stream().map(l -> l.get(Columns.PERSON_REGION_CODE)).collect(Collectors.toSet())),
				this.grids
					.byCodes(lines.stream().map(l -> l.get(Columns.PERSON_GRID_CODE)).collect(Collectors.toSet())),
				phoneLines, idLines,
				this.people.registeredPhones(
						phoneLines.keySet().stream().filter(PersonalData::isValidPhone).collect(Collectors.toSet())),
				this.people.registeredIdNumbers(
						idLines.keySet().stream().filter(PersonalData::isValidIdNumber).collect(Collectors.toSet())),
				scope);
		List<ImportRow> rows = new ArrayList<>(lines.size());
		List<NewPerson> checked = new ArrayList<>(lines.size());
		for (ImportLine line : lines) {
			List<String> problems = new ArrayList<>();
			NewPerson person = checkLine(line, context, problems);
			rows.add(ImportRow.of(line.number(), maskedValues(line), problems));
			if (problems.isEmpty()) {
				checked.add(person);
			}
		}
		return new Checked(rows, checked);
	}

	private static NewPerson checkLine(ImportLine line, Context context, List<String> problems) {
		ImportChecks.text("姓名", line.get(Columns.PERSON_NAME), 50, problems);
		String roleText = line.get(Columns.ROLE);
		Optional<PersonRole> role = PersonRole.ofLabel(roleText);
		if (role.isEmpty()) {
			problems.add(roleText.isEmpty() ? "人员类别不能为空" : "人员类别不正确（" + roleText + "），应为 " + ROLES + " 之一");
		}
		String phone = checkPhone(line, context, problems);
		String idNumber = checkIdNumber(line, context, problems);
		Region region = ImportRegions.inScope("所属区划代码", line.get(Columns.PERSON_REGION_CODE), context.regions(),
				context.scope(), problems);
		Grid grid = checkGrid(line.get(Columns.PERSON_GRID_CODE), region, context, problems);
		return new NewPerson(line.get(Columns.PERSON_NAME), role.orElse(null), line.get(Columns.PERSON_REGION_CODE),
				grid == null ? null : grid.id(), null, phone, idNumber);
	}

	private static String checkPhone(ImportLine line, Context context, List<String> problems) {
		String phone = phone(line);
		if (phone.isEmpty()) {
			problems.add("手机号不能为空");
		}
		else if (!PersonalData.isValidPhone(phone)) {
			problems.add("手机号格式不正确（" + line.get(Columns.PHONE) + "）");
		}
		else if (context.registeredPhones().contains(phone)) {
			problems.add("该手机号已登记给其他人员（" + PersonalData.maskPhone(phone) + "）");
		}
		ImportChecks.unique("手机号", phone, line, context.phoneLines(), problems);
		return phone;
	}

	private static String checkIdNumber(ImportLine line, Context context, List<String> problems) {
		String idNumber = idNumber(line);
		if (idNumber.isEmpty()) {
			return null;
		}
		if (ImportChecks.storedAsNumber(idNumber)) {
			problems.add(ImportChecks.storedAsNumberProblem("身份证号", idNumber));
		}
		else if (!PersonalData.isValidIdNumber(idNumber)) {
			problems.add("身份证号不正确（位数、出生日期或校验位不符）");
		}
		else if (context.registeredIds().contains(idNumber)) {
			problems.add("该身份证号已登记给其他人员（" + PersonalData.maskIdNumber(idNumber) + "）");
		}
		ImportChecks.unique("身份证号", idNumber, line, context.idLines(), problems);
		return idNumber;
	}

	/** An optional grid, in scope, lying over the person's region. */
	private static Grid checkGrid(String code, Region region, Context context, List<String> problems) {
		if (code.isEmpty()) {
			return null;
		}
		Grid grid = context.grids().get(code);
		if (grid == null) {
			problems.add("所属网格不存在（" + code + "）");
			return null;
		}
		if (!context.scope().covers(grid.regionCode())) {
			problems.add("所属网格不在您的管辖范围内（" + code + "）");
		}
		else if (region != null && !region.code().startsWith(Regions12.prefixOf(grid.regionCode()))) {
			problems.add("所属网格与所属区划不一致（网格 " + code + " 属于 " + grid.regionName() + "）");
		}
		return grid;
	}

	private static String phone(ImportLine line) {
		return PersonalData.normalisePhone(line.get(Columns.PHONE));
	}

	private static String idNumber(ImportLine line) {
		return PersonalData.normaliseIdNumber(line.get(Columns.ID_NUMBER));
	}

	/**
	 * The row for the report, with well-formed phones masked, and ID numbers masked even
	 * when wrong: a mistyped ID number is still mostly someone's real one.
	 */
	private static List<String> maskedValues(ImportLine line) {
		List<String> values = new ArrayList<>(line.values(ImportKind.PERSON));
		int phoneAt = ImportKind.PERSON.columns().indexOf(Columns.PHONE);
		int idAt = ImportKind.PERSON.columns().indexOf(Columns.ID_NUMBER);
		if (PersonalData.isValidPhone(phone(line))) {
			values.set(phoneAt, PersonalData.maskPhone(phone(line)));
		}
		String idNumber = idNumber(line);
		if (idNumber != null && idNumber.length() >= 10) {
			values.set(idAt, PersonalData.maskIdNumber(idNumber));
		}
		return values;
	}

	/**
	 * Writes checked people, each with its phone and ID number encrypted as
	 * {@link People} does.
	 * @return the number written
	 */
	int write(List<NewPerson> checked) {
		checked.forEach(this.people::insert);
		return checked.size();
	}

}
