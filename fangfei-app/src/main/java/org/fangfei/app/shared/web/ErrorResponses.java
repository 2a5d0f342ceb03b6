package org.fangfei.app.shared.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.LogText;
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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns refusals into answers: JSON problem details with Chinese messages for the API
 * ({@code @RestController}s), Chinese error pages for the browser. Each refusal is logged
 * as one line, request text escaped ({@link LogText}), without a stack trace: a bad input
 * is not a fault of the server.
 */
final class ErrorResponses {

	private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

	private ErrorResponses() {
	}

	/** One log line for a refused request: method, path and query, status and reason. */
	static void logRefusal(HttpStatus status, String message) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String query = request.getQueryString();
			log.info("Refused {} {}{} with {}: {}", request.getMethod(), LogText.oneLine(request.getRequestURI()),
					query == null ? "" : "?" + LogText.oneLine(query), status.value(), LogText.oneLine(message));
		}
	}

	/**
	 * The Chinese reason for a request parameter that is missing or of the wrong type.
	 */
	static String typeMismatch(MethodArgumentTypeMismatchException ex) {
		return "参数 " + LogText.oneLine(ex.getName()) + " 格式不正确";
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
			return problem(HttpStatus.BAD_REQUEST, ErrorResponses.typeMismatch(ex), Map.of(ex.getName(), "格式不正确"));
		}

		@ExceptionHandler(MissingServletRequestParameterException.class)
		ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException ex) {
			return problem(HttpStatus.BAD_REQUEST, "缺少参数 " + ex.getParameterName(),
					Map.of(ex.getParameterName(), "必填"));
		}

		@ExceptionHandler(HttpMessageNotReadableException.class)
		ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
			return problem(HttpStatus.BAD_REQUEST,
					JsonWithoutNul.causedByNul(ex) ? NulCharacterFilter.MESSAGE : "请求内容不是有效的 JSON，或字段类型不正确", Map.of());
		}

		private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String message,
				Map<String, String> errors) {
			logRefusal(status, message);
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

		@ExceptionHandler(MethodArgumentTypeMismatchException.class)
		ModelAndView typeMismatch(MethodArgumentTypeMismatchException ex) {
			return page(HttpStatus.BAD_REQUEST, ErrorResponses.typeMismatch(ex));
		}

		@ExceptionHandler(MissingServletRequestParameterException.class)
		ModelAndView missing(MissingServletRequestParameterException ex) {
			return page(HttpStatus.BAD_REQUEST, "缺少参数 " + ex.getParameterName());
		}

		private static ModelAndView page(HttpStatus status, String message) {
			logRefusal(status, message);
			ModelAndView page = new ModelAndView("error", status);
			page.addObject("status", status.value());
			page.addObject("message", message);
			return page;
		}

	}

}
