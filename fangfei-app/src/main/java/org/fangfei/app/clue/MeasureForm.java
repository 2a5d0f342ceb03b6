package org.fangfei.app.clue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One disposal measure (处置措施) with its date, document number and result; the amount is
 * the fine for a penalty, the sum refunded for supervised refunding, the sum frozen for a
 * seizure.
 */
public record MeasureForm(MeasureKind kind, LocalDate takenOn, String docNumber, String amount, String result) {

	Map<String, String> check() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.kind == null) {
			errors.put("kind", "请选择处置措施");
		}
		if (this.takenOn == null || this.takenOn.isAfter(org.fangfei.app.shared.Times.today())) {
			errors.put("takenOn", "请填写采取措施的日期(不能晚于今天)");
		}
		if (this.docNumber == null || this.docNumber.isBlank() || this.docNumber.strip().length() > 60) {
			errors.put("docNumber", "请填写文书编号(不超过 60 字)");
		}
		if (this.result == null || this.result.isBlank() || this.result.strip().length() > 2000) {
			errors.put("result", "请填写措施结果(不超过 2000 字)");
		}
		return errors;
	}

}
