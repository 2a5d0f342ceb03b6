package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.organisation.Region;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.organisation.Sectors;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.Schemes;
import org.fangfei.app.subject.Subjects;

import org.springframework.stereotype.Component;

/**
 * The one place a case's particulars are checked before they are written, by the form and
 * the API alike: title, lead region within the caller's scope, sector and scheme from the
 * dictionaries, figures read by {@link Money}, subjects on the ledger within the scope,
 * regions involved as 12-digit codes other than the lead region. Every problem is
 * reported at once, in Chinese, by field.
 */
@Component
class CaseRules {

	static final int MAX_REGIONS = 50;

	static final int MAX_SUBJECTS = 50;

	private final Regions regions;

	private final Sectors sectors;

	private final Schemes schemes;

	private final Subjects subjects;

	CaseRules(Regions regions, Sectors sectors, Schemes schemes, Subjects subjects) {
		this.regions = regions;
		this.sectors = sectors;
		this.schemes = schemes;
		this.subjects = subjects;
	}

	Particulars check(CaseForm form, DataScope scope) {
		Map<String, String> errors = new LinkedHashMap<>();
		Particulars p = particulars(form, scope, errors);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		return p;
	}

	/** Checks a registration: particulars and the stage it stands at. */
	Particulars checkOpening(CaseForm form, boolean fromClue, DataScope scope, LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		Particulars p = particulars(form, scope, errors);
		if (form.path() == null) {
			errors.put("path", "请选择办理方式");
		}
		else if (form.stage() == null) {
			errors.put("stage", "请选择所处阶段");
		}
		else if (!form.path().has(form.stage()) || form.stage() == CaseStage.CLOSED) {
			errors.put("stage", "“" + form.stage().label() + "”不是" + form.path().label() + "中可登记的阶段");
		}
		else if (fromClue && form.stage() != form.path().stages().get(0)) {
			errors.put("stage", "由线索建立的案件从“" + form.path().stages().get(0).label() + "”开始");
		}
		else if (form.path() == CasePath.CRIMINAL && form.stage() != CaseStage.FILED) {
			if (form.criminalFiledOn() == null) {
				errors.put("criminalFiledOn", "请填写刑事立案日期");
			}
			else if (form.stageOn() != null && form.criminalFiledOn().isAfter(form.stageOn())) {
				errors.put("criminalFiledOn", "刑事立案日期不能晚于当前阶段的日期");
			}
		}
		if (!fromClue && form.origin() == CaseOrigin.CLUE) {
			errors.put("origin", "请选择案件来源（上级交办或存量案件）");
		}
		if (form.stageOn() == null) {
			errors.put("stageOn", "请填写阶段日期");
		}
		else if (form.stageOn().isAfter(today)) {
			errors.put("stageOn", "日期不能晚于今天");
		}
		Map<String, String> doc = new LinkedHashMap<>();
		StagesInOrder.checkDocument(new StageEntry(form.stage(), form.stageOn(), form.docNumber(), form.unit(), null),
				doc);
		errors.putAll(doc);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		return p;
	}

	private Particulars particulars(CaseForm form, DataScope scope, Map<String, String> errors) {
		String title = form.title() == null ? "" : form.title().strip();
		if (title.isEmpty()) {
			errors.put("title", "请填写案件名称");
		}
		else if (title.length() > 200) {
			errors.put("title", "案件名称不能超过200字");
		}
		String region = form.regionCode() == null ? "" : form.regionCode().strip();
		Region lead = region.isEmpty() ? null : this.regions.byCode(region).orElse(null);
		if (lead == null || !scope.covers(region)) {
			errors.put("regionCode", region.isEmpty() ? "请选择主办地区划" : "主办地区划不存在或不在管辖范围内");
		}
		String sector = blankToNull(form.sectorCode());
		if (sector != null && this.sectors.all().stream().noneMatch(s -> s.code().equals(sector))) {
			errors.put("sectorCode", "行业不在字典中");
		}
		else if (sector != null && !scope.coversSector(sector)) {
			errors.put("sectorCode", "该行业不在本单位监管范围内");
		}
		else if (sector == null && scope.sectorLimited()) {
			errors.put("sectorCode", "请选择本单位监管的行业");
		}
		String scheme = blankToNull(form.schemeCode());
		if (scheme != null && this.schemes.all().stream().noneMatch(s -> s.code().equals(scheme))) {
			errors.put("schemeCode", "集资模式不在字典中");
		}
		Long amount = money(form.amountRaised(), "amountRaised", "涉案金额", errors);
		Long loss = money(form.directLoss(), "directLoss", "直接经济损失", errors);
		if (form.participantsCount() != null && form.participantsCount() < 0) {
			errors.put("participantsCount", "集资参与人数不能为负数");
		}
		if (amount != null && loss != null && loss > amount) {
			errors.put("directLoss", "直接经济损失不能大于涉案金额");
		}
		List<Long> subjectIds = List.copyOf(new LinkedHashSet<>(form.subjectIds()));
		if (subjectIds.size() > MAX_SUBJECTS) {
			errors.put("subjectIds", "涉案主体不能超过" + MAX_SUBJECTS + "个");
		}
		else if (!subjectIds.isEmpty()) {
			List<Subject> found = this.subjects.byIds(subjectIds);
			Set<Long> ok = new LinkedHashSet<>();
			found.stream().filter(s -> scope.covers(s.regionCode())).forEach(s -> ok.add(s.id()));
			if (!ok.containsAll(subjectIds)) {
				errors.put("subjectIds", "涉案主体不存在或不在管辖范围内");
			}
		}
		List<String> involved = new ArrayList<>(new LinkedHashSet<>(form.involvedRegions()));
		if (involved.size() > MAX_REGIONS) {
			errors.put("involvedRegions", "涉及地区不能超过" + MAX_REGIONS + "个");
		}
		for (String code : involved) {
			if (!code.matches("[0-9]{12}")) {
				errors.put("involvedRegions", "涉及地区应为12位区划代码：" + code);
			}
			else if (code.equals(region)) {
				errors.put("involvedRegions", "涉及地区不能是主办地本身");
			}
		}
		return new Particulars(title, region, sector, scheme, amount, form.participantsCount(), loss, subjectIds,
				List.copyOf(involved));
	}

	private static Long money(String text, String field, String label, Map<String, String> errors) {
		try {
			return Money.fen(text, field, label);
		}
		catch (Rejected ex) {
			errors.put(field, ex.getMessage());
			return null;
		}
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
