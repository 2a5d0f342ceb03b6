package org.fangfei.app.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Collects a form's problems — Bean Validation results and {@link Rejected} — into one
 * field→message map that the page shows beside each field, with a summary on top.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static Map<String, String> of(BindingResult binding) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError e : binding.getFieldErrors()) {
			errors.putIfAbsent(e.getField(), e.isBindingFailure() ? "格式不正确" : e.getDefaultMessage());
		}
		binding.getGlobalErrors().forEach(e -> errors.putIfAbsent("_", e.getDefaultMessage()));
		return errors;
	}

	public static Map<String, String> of(Rejected rejected) {
		Map<String, String> errors = new LinkedHashMap<>(rejected.fieldErrors());
		if (errors.isEmpty()) {
			errors.put("_", rejected.getMessage());
		}
		return errors;
	}

}
