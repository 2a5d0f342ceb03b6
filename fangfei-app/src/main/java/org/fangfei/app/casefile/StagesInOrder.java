package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fangfei.app.shared.Rejected;

/**
 * A case moves one stage at a time along its path, each move dated, with its document
 * number and deciding unit: the date not after today and not before the stage it leaves.
 * Two moves leave the order: 结案 from any open stage (撤销案件, 不起诉, 终止调查 end a case early),
 * and 立案 from an administrative stage, when the matter is transferred to the police (条例
 * art. 27: 涉嫌犯罪的移送公安), which puts the case on the criminal path.
 */
final class StagesInOrder {

	private StagesInOrder() {
	}

	/** The path the case is on after the move; refuses a move out of order. */
	static CasePath check(CasePath path, CaseStage current, LocalDate currentOn, StageEntry entry, LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		CasePath after = path;
		if (current == CaseStage.CLOSED) {
			throw new Rejected("案件已结案，不能再变更阶段");
		}
		if (entry.stage() == null) {
			errors.put("stage", "请选择阶段");
		}
		else if (entry.stage() == CaseStage.FILED && path == CasePath.ADMINISTRATIVE) {
			after = CasePath.CRIMINAL;
		}
		else if (entry.stage() != CaseStage.CLOSED && entry.stage() != path.after(current)) {
			CaseStage next = path.after(current);
			errors.put("stage", "案件当前处于“" + current.label() + "”阶段，下一阶段应为“" + next.label() + "”，不能变更为“"
					+ entry.stage().label() + "”");
		}
		if (entry.on() == null) {
			errors.put("on", "请填写日期");
		}
		else if (entry.on().isAfter(today)) {
			errors.put("on", "日期不能晚于今天");
		}
		else if (currentOn != null && entry.on().isBefore(currentOn)) {
			errors.put("on", "日期不能早于上一阶段“" + current.label() + "”的日期 " + currentOn);
		}
		checkDocument(entry, errors);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		return after;
	}

	/** The document number and unit every stage needs. */
	static void checkDocument(StageEntry entry, Map<String, String> errors) {
		if (blank(entry.docNumber())) {
			errors.put("docNumber", "请填写文书编号");
		}
		else if (entry.docNumber().strip().length() > 100) {
			errors.put("docNumber", "文书编号不能超过100字");
		}
		if (blank(entry.unit())) {
			errors.put("unit", "请填写办理单位");
		}
		else if (entry.unit().strip().length() > 100) {
			errors.put("unit", "办理单位不能超过100字");
		}
		if (entry.note() != null && entry.note().length() > 1000) {
			errors.put("note", "说明不能超过1000字");
		}
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
