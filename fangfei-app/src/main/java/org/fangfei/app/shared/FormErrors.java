package org.fangfei.app.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Collects a form's problems — Bean Validation results and {@link Rejected} — into one
 * field→message map that the page shows beside each field; the entry {@code "_"}, when
 * present, is the summary shown on top.
 */
public final class FormErrors {

	/** What a value that cannot be converted means, for the fields the forms share. */
	private static final Map<String, String> TYPE_MISMATCH = Map.of("role", "请选择正确的类别", "level", "网格层级只能是1或2", "gridId",
			"网格编号应为数字", "parentId", "上级网格编号应为数字", "departmentId", "所属单位不正确", "enabled", "状态只能是启用或停用");

	private FormErrors() {
	}

	public static Map<String, String> of(BindingResult binding) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError e : binding.getFieldErrors()) {
			errors.putIfAbsent(e.getField(),
					e.isBindingFailure() ? TYPE_MISMATCH.getOrDefault(e.getField(), "格式不正确") : e.getDefaultMessage());
		}
		binding.getGlobalErrors().forEach(e -> errors.putIfAbsent("_", e.getDefaultMessage()));
		return errors;
	}

	public static Map<String, String> of(Rejected rejected) {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("_", rejected.getMessage());
		errors.putAll(rejected.fieldErrors());
		return errors;
	}

}
