package org.fangfei.app.subject;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.fangfei.app.organisation.Sector;
import org.fangfei.app.organisation.Sectors;
import org.fangfei.app.shared.ImportChecks;
import org.fangfei.app.shared.ImportTable.ImportLine;

import org.springframework.stereotype.Component;

import static org.fangfei.app.subject.SubjectTemplate.*;

/**
 * Reads one line of a subject import file into the registration form: enums and
 * dictionaries by their Chinese labels (or codes), 状态 监测中 when empty, and the form's own
 * constraints (lengths, 12-digit region code). Problems are keyed by form field, so that
 * a later check of the same field does not repeat them.
 */
@Component
class SubjectRowReader {

	/**
	 * Label (and code) to code of the sector and scheme dictionaries, read once per file.
	 */
	record Dictionaries(Map<String, String> sectors, Map<String, String> schemes) {
	}

	/** A line read into a form, with the problems found so far by form field. */
	record Read(SubjectForm form, Map<String, String> problems) {

		/** Whether the form is complete enough for {@link SubjectRules#check}. */
		boolean checkable() {
			return this.form.kind() != null && this.form.status() != null && !this.form.name().isBlank()
					&& this.form.regionCode().matches("[0-9]{12}");
		}

	}

	private final Sectors sectors;

	private final Schemes schemes;

	private final Validator validator;

	SubjectRowReader(Sectors sectors, Schemes schemes, Validator validator) {
		this.sectors = sectors;
		this.schemes = schemes;
		this.validator = validator;
	}

	Dictionaries dictionaries() {
		Map<String, String> sectorCodes = new HashMap<>();
		for (Sector s : this.sectors.all()) {
			sectorCodes.put(s.code(), s.code());
			sectorCodes.put(s.label(), s.code());
		}
		Map<String, String> schemeCodes = new HashMap<>();
		for (Schemes.Scheme s : this.schemes.all()) {
			schemeCodes.put(s.code(), s.code());
			schemeCodes.put(s.label(), s.code());
		}
		return new Dictionaries(sectorCodes, schemeCodes);
	}

	Read read(ImportLine line, Dictionaries dictionaries) {
		Map<String, String> problems = new LinkedHashMap<>();
		SubjectKind kind = choice(line.get(KIND), SubjectKind::ofLabel, null, "kind", KIND,
				labels(SubjectKind.values(), SubjectKind::label), problems);
		RiskLevel risk = choice(line.get(RISK_LEVEL), RiskLevel::ofLabel, null, "riskLevel", RISK_LEVEL,
				labels(RiskLevel.values(), RiskLevel::label), problems);
		SubjectStatus status = choice(line.get(STATUS), SubjectStatus::ofLabel, SubjectStatus.WATCHING, "status",
				STATUS, labels(SubjectStatus.values(), SubjectStatus::label), problems);
		String sector = dictionary(line.get(SECTOR), dictionaries.sectors(), "sectorCode", SECTOR, problems);
		String scheme = dictionary(line.get(SCHEME), dictionaries.schemes(), "schemeCode", SCHEME, problems);
		numberAsText(line, CREDIT_CODE, "creditCode", problems);
		numberAsText(line, ID_NUMBER, "idNumber", problems);
		numberAsText(line, REGION_CODE, "regionCode", problems);
		SubjectForm form = new SubjectForm(kind, line.get(NAME), line.get(CREDIT_CODE), line.get(ID_NUMBER),
				line.get(LEGAL_REPRESENTATIVE), line.get(REGISTERED_ADDRESS), line.get(BUSINESS_ADDRESS), null, null,
				line.get(REGION_CODE), null, sector, scheme, risk, status, line.get(BUSINESS_SCOPE), line.get(NOTES));
		for (ConstraintViolation<SubjectForm> v : this.validator.validate(form)) {
			problems.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
		}
		return new Read(form, problems);
	}

	/**
	 * An enum value by its label; {@code whenEmpty} for an empty cell, which is a problem
	 * when that is null and the column is required.
	 */
	private static <E> E choice(String text, Function<String, Optional<E>> ofLabel, E whenEmpty, String field,
			String column, String allowed, Map<String, String> problems) {
		if (text.isEmpty()) {
			if (whenEmpty == null && SUBJECT.required().contains(column)) {
				problems.put(field, column + "不能为空");
			}
			return whenEmpty;
		}
		Optional<E> value = ofLabel.apply(text);
		if (value.isEmpty()) {
			problems.put(field, column + "“" + text + "”无法识别，应为 " + allowed + " 之一");
		}
		return value.orElse(null);
	}

	private static String dictionary(String text, Map<String, String> codes, String field, String column,
			Map<String, String> problems) {
		if (text.isEmpty()) {
			return null;
		}
		String code = codes.get(text);
		if (code == null) {
			problems.put(field, column + "“" + text + "”不在" + column + "字典中，请按系统中的名称填写");
		}
		return code;
	}

	private static void numberAsText(ImportLine line, String column, String field, Map<String, String> problems) {
		if (ImportChecks.storedAsNumber(line.get(column))) {
			problems.putIfAbsent(field, ImportChecks.storedAsNumberProblem(column, line.get(column)));
		}
	}

	private static <E> String labels(E[] values, Function<E, String> label) {
		return Arrays.stream(values).map(label).collect(Collectors.joining("、"));
	}

}
