package org.fangfei.app.petition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
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
 * The key persons and the dispute register as .xlsx files: each list's own search with
 * its filters and scope, audited with the row count. ID numbers and phones only masked.
 */
@Controller
class StabilityExportPages {

	static final List<String> KEY_PERSON_HEADER = List.of("姓名", "身份证号(脱敏)", "手机号(脱敏)", "所在区划", "关联案件", "列管原因", "风险等级",
			"包保责任人", "责任人单位", "最近联系", "状态");

	static final List<String> DISPUTE_HEADER = List.of("摸排日期", "所在区划", "来源", "当事人", "涉及人数", "涉及金额(元)", "关联案件", "矛盾情况",
			"化解进展", "化解措施", "已上报", "化解日期");

	private final KeyPersons keyPersons;

	private final Disputes disputes;

	private final AuditLog audit;

	StabilityExportPages(KeyPersons keyPersons, Disputes disputes, AuditLog audit) {
		this.keyPersons = keyPersons;
		this.disputes = disputes;
		this.audit = audit;
	}

	@Transactional
	@GetMapping("/stability/key-persons/export")
	@PreAuthorize("hasAuthority('petition:stability:export')")
	ResponseEntity<byte[]> keyPersons(@ModelAttribute KeyPersons.KeyPersonQuery q, Actor actor) {
		List<KeyPersons.KeyPerson> found = Exports.all(page -> this.keyPersons.search(q, actor.scope(), page), "重点人员");
		List<List<String>> rows = new ArrayList<>(found.size());
		for (KeyPersons.KeyPerson k : found) {
			rows.add(Arrays.asList(k.name(), Exports.text(k.idNumberMasked()), Exports.text(k.phoneMasked()),
					k.regionName() == null ? k.regionCode() : k.regionName(), Exports.text(k.caseCode()), k.reason(),
					k.riskLevel().label(), k.responsibleName(), k.responsibleUnit(), Exports.text(k.lastContactOn()),
					k.watched() ? "在管控" : "已解除"));
		}
		this.audit.success("EXPORT", "key_person", null, "导出重点人员 " + found.size() + " 行", null, q.toString());
		return Uploads.xlsx(Exports.filename("重点人员"), TabularFile.writeXlsx("重点人员", KEY_PERSON_HEADER, rows));
	}

	@Transactional
	@GetMapping("/stability/disputes/export")
	@PreAuthorize("hasAuthority('petition:stability:export')")
	ResponseEntity<byte[]> disputes(@ModelAttribute Disputes.DisputeQuery q, Actor actor) {
		List<Disputes.Dispute> found = Exports.all(page -> this.disputes.search(q, actor.scope(), page), "矛盾纠纷");
		List<List<String>> rows = new ArrayList<>(found.size());
		for (Disputes.Dispute d : found) {
			rows.add(Arrays.asList(d.foundOn().toString(), d.regionName() == null ? d.regionCode() : d.regionName(),
					d.source().label(), d.parties(), Integer.toString(d.peopleCount()), d.amount(),
					Exports.text(d.caseCode()), d.description(), d.status().label(), Exports.text(d.handling()),
					Exports.yesNo(d.reportedUp()), Exports.text(d.resolvedOn())));
		}
		this.audit.success("EXPORT", "dispute", null, "导出矛盾纠纷台账 " + found.size() + " 行", null, q.toString());
		return Uploads.xlsx(Exports.filename("矛盾纠纷台账"), TabularFile.writeXlsx("矛盾纠纷台账", DISPUTE_HEADER, rows));
	}

}
