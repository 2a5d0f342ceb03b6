package org.fangfei.app.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.fangfei.app.shared.LogText;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Refuses, before anything else looks at it (sign-in included), a request whose
 * parameters — query, form or the text fields of a multipart form — or the file names of
 * a multipart form's files hold a NUL character: PostgreSQL cannot store one in text, so
 * such input would otherwise fail deep inside as a server error. Answered 400 with a
 * Chinese reason (a problem detail under {@code /api/}), logged as one line.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class NulCharacterFilter extends OncePerRequestFilter {

	static final String MESSAGE = "请求内容含有不允许的空字符(NUL)，请删除后重试";

	private static final Logger log = LoggerFactory.getLogger(NulCharacterFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String offending = offendingParameter(request.getParameterMap());
		if (offending == null) {
			offending = offendingFileName(request);
		}
		if (offending == null) {
			chain.doFilter(request, response);
			return;
		}
		log.info("Refused {} {}: NUL character in parameter {}", request.getMethod(),
				LogText.oneLine(request.getRequestURI()), LogText.oneLine(offending));
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"请求被拒绝\",\"status\":400,\"detail\":\"" + MESSAGE + "\"}");
		}
		else {
			response.setContentType("text/html");
			response.getWriter()
				.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请求被拒绝 - 防非</title></head>"
						+ "<body><h1>请求被拒绝</h1><p id=\"error-message\">" + MESSAGE
						+ "</p><p>请返回上一页修改后重试。</p></body></html>");
		}
	}

	/**
	 * The name of the first part of a multipart request whose submitted file name holds
	 * NUL (bank exports and photos keep the name as sent); null if none, or when the
	 * parts cannot be read (too large, malformed: left to the handler to answer).
	 */
	static String offendingFileName(HttpServletRequest request) {
		// the session filter wraps the request before this one sees it
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart != null) {
			for (Map.Entry<String, List<MultipartFile>> e : multipart.getMultiFileMap().entrySet()) {
				for (MultipartFile file : e.getValue()) {
					if (file.getOriginalFilename() != null && file.getOriginalFilename().indexOf('\0') >= 0) {
						return e.getKey();
					}
				}
			}
		}
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			return null;
		}
		Collection<Part> parts;
		try {
			parts = request.getParts();
		}
		catch (IOException | ServletException | RuntimeException ex) {
			return null;
		}
		for (Part part : parts) {
			String name = part.getSubmittedFileName();
			if (name != null && name.indexOf('\0') >= 0) {
				return part.getName();
			}
		}
		return null;
	}

	/** The name of the first parameter whose name or a value holds NUL; null if none. */
	static String offendingParameter(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> e : parameters.entrySet()) {
			if (e.getKey().indexOf('\0') >= 0) {
				return e.getKey();
			}
			for (String value : e.getValue()) {
				if (value != null && value.indexOf('\0') >= 0) {
					return e.getKey();
				}
			}
		}
		return null;
	}

}
