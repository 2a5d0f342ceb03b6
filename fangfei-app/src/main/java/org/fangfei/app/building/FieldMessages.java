package org.fangfei.app.building;

import java.util.Map;

import org.fangfei.app.shared.FormErrors;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Chinese messages for values of this module's forms that cannot even be converted (a
 * letter typed as a floor count, an impossible date), on top of {@link FormErrors}.
 */
final class FieldMessages {

	private static final Map<String, String> TYPE_MISMATCH = Map.of("kind", "请选择正确的楼宇类型", "floors", "楼层数应为1到200之间的整数",
			"gridId", "网格编号应为数字", "sweptOn", "扫楼日期格式不正确", "tenantsChecked", "检查主体数应为整数", "risksFound", "发现风险数应为整数",
			"campaignId", "请选择正确的专项行动", "startsOn", "开始日期格式不正确", "endsOn", "结束日期格式不正确");

	private FieldMessages() {
	}

	static Map<String, String> of(BindingResult binding) {
		Map<String, String> errors = FormErrors.of(binding);
		for (FieldError e : binding.getFieldErrors()) {
			if (e.isBindingFailure() && TYPE_MISMATCH.containsKey(e.getField())) {
				errors.put(e.getField(), TYPE_MISMATCH.get(e.getField()));
			}
		}
		return errors;
	}

}
