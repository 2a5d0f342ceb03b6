package org.fangfei.app.shared.web;

import java.util.Map;

import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns refusals into answers: JSON problem details with Chinese messages for the API
 * ({@code @RestController}s), Chinese error pages for the browser.
 */
final class ErrorResponses {

	private ErrorResponses() {
	}

	@RestControllerAdvice(annotations = RestController.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Api {

		@ExceptionHandler(Conflict.class)
		ResponseEntity<ProblemDetail> conflict(Conflict ex) {
			return problem(HttpStatus.CONFLICT, ex.getMessage(), Map.of());
		}

		@ExceptionHandler(Rejected.class)
		ResponseEntity<ProblemDetail> rejected(Rejected ex) {
			return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), FormErrors.of(ex));
		}

		@ExceptionHandler(BindException.class)
		ResponseEntity<ProblemDetail> invalid(BindException ex) {
			Map<String, String> errors = FormErrors.of(ex.getBindingResult());
			return problem(HttpStatus.BAD_REQUEST, String.join("；", errors.values()), errors);
		}

		@ExceptionHandler(NotFound.class)
		ResponseEntity<ProblemDetail> notFound(NotFound ex) {
			return problem(HttpStatus.NOT_FOUND, ex.getMessage(), Map.of());
		}

		@ExceptionHandler(MethodArgumentTypeMismatchException.class)
		ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
			return problem(HttpStatus.BAD_REQUEST, "参数 " + ex.getName() + " 格式不正确", Map.of(ex.getName(), "格式不正确"));
		}

		@ExceptionHandler(MissingServletRequestParameterException.class)
		ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException ex) {
			return problem(HttpStatus.BAD_REQUEST, "缺少参数 " + ex.getParameterName(),
					Map.of(ex.getParameterName(), "必填"));
		}

		@ExceptionHandler(HttpMessageNotReadableException.class)
		ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
			return problem(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON，或字段类型不正确", Map.of());
		}

		private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String message,
				Map<String, String> errors) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
			problem.setTitle(status == HttpStatus.NOT_FOUND ? "未找到" : "请求被拒绝");
			if (!errors.isEmpty()) {
				problem.setProperty("errors", errors);
			}
			return ResponseEntity.status(status).body(problem);
		}

	}

	@ControllerAdvice
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class Pages {

		@ExceptionHandler(Conflict.class)
		ModelAndView conflict(Conflict ex) {
			return page(HttpStatus.CONFLICT, ex.getMessage());
		}

		@ExceptionHandler(Rejected.class)
		ModelAndView rejected(Rejected ex) {
			return page(HttpStatus.BAD_REQUEST, ex.getMessage());
		}

		@ExceptionHandler(BindException.class)
		ModelAndView invalid(BindException ex) {
			return page(HttpStatus.BAD_REQUEST, String.join("；", FormErrors.of(ex.getBindingResult()).values()));
		}

		@ExceptionHandler(NotFound.class)
		ModelAndView notFound(NotFound ex) {
			return page(HttpStatus.NOT_FOUND, ex.getMessage());
		}

		private static ModelAndView page(HttpStatus status, String message) {
			ModelAndView page = new ModelAndView("error", status);
			page.addObject("status", status.value());
			page.addObject("message", message);
			return page;
		}

	}

}
