package org.fangfei.app.subject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.organisation.Department;
import org.fangfei.app.organisation.Departments;
import org.fangfei.app.organisation.Grids;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.CreditCode;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checks a subject passes before it is written: identifiers valid (GB 32100 credit
 * code, GB 11643 ID number), region, grid and building within the caller's jurisdiction,
 * dictionary codes known, and no second copy of a subject already on file (same credit
 * code, same ID number, or same name in the same region). Also derives the supervising
 * department and the statutory words found.
 */
@Component
class SubjectRules {

	static final String ID_NUMBER = "subject.id_number";

	/** A form that passed, normalised, with what was derived from it. */
	record Checked(SubjectForm form, String creditCode, String idNumber, Long departmentId, List<String> words) {
	}

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Grids grids;

	private final Departments departments;

	private final BlindIndex index;

	private final BuildingDirectory buildings;

	SubjectRules(JdbcClient jdbc, Regions regions, Grids grids, Departments departments, BlindIndex index,
			BuildingDirectory buildings) {
		this.jdbc = jdbc;
		this.buildings = buildings;
		this.regions = regions;
		this.grids = grids;
		this.departments = departments;
		this.index = index;
	}

	Checked check(SubjectForm form, Long id, DataScope scope) {
		Map<String, String> errors = new LinkedHashMap<>();
		String creditCode = blankToNull(CreditCode.normalise(form.creditCode()));
		if (creditCode != null && !CreditCode.isValid(creditCode)) {
			errors.put("creditCode", "统一社会信用代码不正确(应为18位，校验码不符)");
		}
		String idNumber = blankToNull(PersonalData.normaliseIdNumber(form.idNumber()));
		if (idNumber != null && !PersonalData.isValidIdNumber(idNumber)) {
			errors.put("idNumber", "身份证号不正确(校验位不符)");
		}
		checkPlace(form, scope, errors);
		checkDictionary("sector", form.sectorCode(), "sectorCode", "未知的行业", errors);
		checkDictionary("scheme", form.schemeCode(), "schemeCode", "未知的集资模式", errors);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		checkDuplicates(form, id, creditCode, idNumber);
		Long department = this.departments.supervisorOf(blankToNull(form.sectorCode()), form.regionCode())
			.map(Department::id)
			.orElse(null);
		return new Checked(form, creditCode, idNumber, department,
				StatutoryWords.findIn(form.name(), form.businessScope()));
	}

	String idNumberIndex(String idNumber) {
		return this.index.of(ID_NUMBER, idNumber);
	}

	private void checkPlace(SubjectForm form, DataScope scope, Map<String, String> errors) {
		if (this.regions.byCode(form.regionCode()).filter(r -> scope.covers(r.code())).isEmpty()) {
			errors.put("regionCode", "所属区划不存在或不在您的管辖范围内");
			return;
		}
		if (form.gridId() != null) {
			var grid = this.grids.find(form.gridId(), scope);
			if (grid.isEmpty()) {
				errors.put("gridId", "所属网格不存在或不在您的管辖范围内");
			}
			else if (!form.regionCode().startsWith(Regions12.prefixOf(grid.get().regionCode()))) {
				errors.put("gridId", "所属网格与所属区划不一致");
			}
		}
		if (form.buildingId() != null) {
			Optional<String> buildingRegion = this.buildings.regionOf(form.buildingId());
			if (buildingRegion.isEmpty() || !scope.covers(buildingRegion.get())) {
				errors.put("buildingId", "所在楼宇不存在或不在您的管辖范围内");
			}
		}
	}

	private void checkDictionary(String type, String code, String field, String message, Map<String, String> errors) {
		if (code == null || code.isBlank()) {
			return;
		}
		boolean known = this.jdbc.sql("select count(*) from dict_item where dict_type = :t and code = :c and enabled")
			.param("t", type)
			.param("c", code)
			.query(Long.class)
			.single() > 0;
		if (!known) {
			errors.put(field, message + "：" + code);
		}
	}

	/** A second copy is refused with a pointer to the subject already on file. */
	private void checkDuplicates(SubjectForm form, Long id, String creditCode, String idNumber) {
		long self = id == null ? -1 : id;
		if (creditCode != null) {
			duplicate("credit_code = :v", creditCode, self).ifPresent(existing -> {
				throw duplicateOf(existing, "creditCode", "统一社会信用代码 " + creditCode + " 已登记");
			});
		}
		if (idNumber != null) {
			duplicate("id_number_idx = :v", idNumberIndex(idNumber), self).ifPresent(existing -> {
				throw duplicateOf(existing, "idNumber", "该身份证号已登记");
			});
		}
		duplicate("region_code = :region and name = :v", form.name().trim(), form.regionCode(), self)
			.ifPresent(existing -> {
				throw duplicateOf(existing, "name", "同一区划下已登记同名主体");
			});
	}

	private Optional<Long> duplicate(String condition, String value, long self) {
		return duplicate(condition, value, null, self);
	}

	/**
	 * @param condition one of this class's fixed conditions, never user text
	 */
	private Optional<Long> duplicate(String condition, String value, String region, long self) {
		var spec = this.jdbc.sql("select min(id) from subject where " + condition + " and id <> :self")
			.param("v", value)
			.param("self", self);
		if (region != null) {
			spec = spec.param("region", region);
		}
		return spec.query(Long.class).optional().filter(java.util.Objects::nonNull);
	}

	private static Rejected duplicateOf(long existing, String field, String message) {
		return new Rejected(message + "，请勿重复建档", Map.of(field, message, "duplicateOf", String.valueOf(existing)));
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
