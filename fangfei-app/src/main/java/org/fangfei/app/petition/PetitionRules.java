package org.fangfei.app.petition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.casefile.CaseDirectory;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.organisation.Sectors;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.subject.Subjects;

import org.springframework.stereotype.Component;

/**
 * The one place a petition is checked before it is registered, by the form and the API
 * alike: every field, the region, case and subject within the caller's scope, and the
 * petitioners' ID numbers and phones. Every problem is named at once, in Chinese.
 */
@Component
class PetitionRules {

	static final int MAX_PETITIONERS = 20;

	/**
	 * A checked petition: normalised petitioners, the sector taken from the case if none.
	 */
	record Checked(PetitionForm form, String sectorCode, String caseCode, List<Person> petitioners,
			boolean collective) {
	}

	/** A checked petitioner: normalised ID number and phone, or null. */
	record Person(String name, String idNumber, String phone) {
	}

	private final Regions regions;

	private final Sectors sectors;

	private final CaseDirectory cases;

	private final Subjects subjects;

	PetitionRules(Regions regions, Sectors sectors, CaseDirectory cases, Subjects subjects) {
		this.regions = regions;
		this.sectors = sectors;
		this.cases = cases;
		this.subjects = subjects;
	}

	Checked check(PetitionForm f, DataScope scope, LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (f.channel() == null) {
			errors.put("channel", "请选择信访形式");
		}
		if (f.receivedOn() == null) {
			errors.put("receivedOn", "请填写收到日期");
		}
		else if (f.receivedOn().isAfter(today)) {
			errors.put("receivedOn", "收到日期不能晚于今天");
		}
		else if (f.receivedOn().isBefore(today.minusYears(10))) {
			errors.put("receivedOn", "收到日期不能早于十年前");
		}
		region(f.regionCode(), scope, errors);
		if (f.levelReached() == null) {
			errors.put("levelReached", "请选择信访到达层级");
		}
		String sector = blank(f.sectorCode()) ? null : f.sectorCode().strip();
		String given = sector;
		if (given != null && this.sectors.all().stream().noneMatch(s -> s.code().equals(given))) {
			errors.put("sectorCode", "行业不存在");
		}
		String caseCode = null;
		if (f.caseId() != null) {
			var found = this.cases.visible(f.caseId(), scope);
			if (found.isEmpty()) {
				errors.put("caseId", "关联案件不存在或不在您的管辖范围内");
			}
			else {
				caseCode = found.get().code();
				sector = sector == null ? found.get().sectorCode() : sector;
			}
		}
		if (f.subjectId() != null) {
			try {
				this.subjects.get(f.subjectId(), scope);
			}
			catch (NotFound ex) {
				errors.put("subjectId", "关联主体不存在或不在您的管辖范围内");
			}
		}
		if (blank(f.request())) {
			errors.put("request", "请填写信访诉求");
		}
		else if (f.request().strip().length() > 2000) {
			errors.put("request", "信访诉求不能超过2000字");
		}
		List<Person> people = petitioners(f.petitioners(), errors);
		if (f.petitionersCount() == null || f.petitionersCount() < 1) {
			errors.put("petitionersCount", "请填写信访人数（至少1人）");
		}
		else if (f.petitionersCount() > 100_000) {
			errors.put("petitionersCount", "信访人数不能超过100000");
		}
		else if (f.petitionersCount() < people.size()) {
			errors.put("petitionersCount", "信访人数不能少于登记的信访人（" + people.size() + " 人）");
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		return new Checked(f, sector, caseCode, people, CollectivePetition.collective(f.petitionersCount()));
	}

	private void region(String code, DataScope scope, Map<String, String> errors) {
		if (blank(code)) {
			errors.put("regionCode", "请选择所在区划");
		}
		else if (this.regions.byCode(code.strip()).isEmpty()) {
			errors.put("regionCode", "区划不存在");
		}
		else if (!scope.covers(code.strip())) {
			errors.put("regionCode", "所在区划不在您的管辖范围内");
		}
	}

	private static List<Person> petitioners(List<PetitionForm.Petitioner> given, Map<String, String> errors) {
		List<Person> people = new ArrayList<>();
		List<PetitionForm.Petitioner> named = given == null ? List.of()
				: given.stream()
					.filter(p -> p != null && !(blank(p.name()) && blank(p.idNumber()) && blank(p.phone())))
					.toList();
		if (named.isEmpty()) {
			errors.put("petitioners", "请至少登记一名信访人");
			return people;
		}
		if (named.size() > MAX_PETITIONERS) {
			errors.put("petitioners", "登记的信访人不能超过" + MAX_PETITIONERS + "名（集体访请登记代表）");
			return people;
		}
		int n = 0;
		java.util.Set<String> ids = new java.util.HashSet<>();
		for (PetitionForm.Petitioner p : named) {
			n++;
			String field = "petitioners[" + (n - 1) + "]";
			Map<String, String> own = new LinkedHashMap<>();
			if (blank(p.name())) {
				own.put(field + ".name", "第" + n + "名信访人：请填写姓名");
			}
			else if (p.name().strip().length() > 60) {
				own.put(field + ".name", "第" + n + "名信访人：姓名不能超过60字");
			}
			String id = Identity.idNumber(p.idNumber(), field + ".idNumber", own);
			String phone = Identity.phone(p.phone(), field + ".phone", own);
			if (id != null && !ids.add(id)) {
				own.put(field + ".idNumber", "第" + n + "名信访人：身份证号与其他信访人重复");
			}
			int serial = n;
			own.replaceAll((k, v) -> v.startsWith("第") ? v : "第" + serial + "名信访人：" + v);
			errors.putAll(own);
			if (own.isEmpty()) {
				people.add(new Person(p.name().strip(), id, phone));
			}
		}
		return people;
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
