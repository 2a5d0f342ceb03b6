package org.fangfei.app.casefile;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.tip.PublicPortal;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The participants' registration page under {@code /claim} (集资参与人信息登记), like the tip
 * portal: no account, its own plain layout without any staff link, made for a small
 * phone, the tip portal's CAPTCHA and upload cleaning ({@link PublicPortal}), limits per
 * address and for everyone ({@link ClaimLimits}), a honeypot field, CSRF on. A claim is
 * written detached from the visitor's request, so that the audit row carries no address.
 */
@Controller
class ClaimPortal {

	private static final Logger log = LoggerFactory.getLogger(ClaimPortal.class);

	private final ClaimWindows windows;

	private final ParticipantClaims claims;

	private final ClaimLimits limits;

	private final PublicPortal portal;

	ClaimPortal(ClaimWindows windows, ParticipantClaims claims, ClaimLimits limits, PublicPortal portal) {
		this.windows = windows;
		this.claims = claims;
		this.limits = limits;
		this.portal = portal;
	}

	@GetMapping("/claim")
	String home(Model model) {
		model.addAttribute("windows", this.windows.accepting());
		return "claim/home";
	}

	@GetMapping("/claim/new")
	String form(@RequestParam(required = false) Long window, Model model, HttpServletResponse response) {
		return form(model, ClaimForm.blank(window), null, response);
	}

	@GetMapping("/claim/captcha.png")
	ResponseEntity<byte[]> captcha(HttpSession session) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.body(this.portal.captcha(session));
	}

	@PostMapping("/claim")
	String submit(@ModelAttribute("form") ClaimForm form,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (form.website() != null && !form.website().isBlank()) {
			log.info("Claim page: honeypot field filled, nothing stored");
			model.addAttribute("code", this.portal.newCode());
			return "claim/sent";
		}
		if (!this.limits.trySubmit(request.getRemoteAddr())) {
			response.setStatus(429);
			return form(model, form, Map.of("_", "提交过于频繁，请稍后再试。"), response);
		}
		if (!this.portal.captchaSolved(request.getSession(false), form.captcha())) {
			response.setStatus(400);
			return form(model, form, Map.of("_", "验证码不正确或已过期，请按新图片重新输入", "captcha", "请输入新图片中的字符"), response);
		}
		try {
			List<PublicPortal.CleanedFile> documents = this.portal.clean(files);
			String code = this.portal.detached(() -> this.claims.submit(form, documents));
			model.addAttribute("code", code);
			return "claim/sent";
		}
		catch (Rejected ex) {
			response.setStatus(400);
			return form(model, form, FormErrors.of(ex), response);
		}
	}

	@GetMapping("/claim/track")
	String trackForm() {
		return "claim/track";
	}

	@PostMapping("/claim/track")
	String track(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		String address = request.getRemoteAddr();
		if (!this.limits.tryLookup(address)) {
			response.setStatus(429);
			model.addAttribute("error", "查询过于频繁，请稍后再试。");
			return "claim/track";
		}
		var claim = this.claims.find(code);
		if (claim.isEmpty()) {
			response.setStatus(404);
			model.addAttribute("error", "没有找到这个登记码，请核对后重试(字母不区分大小写)。");
			return "claim/track";
		}
		this.limits.lookupSucceeded(address);
		model.addAttribute("tracked", this.claims.tracked(claim.get()));
		return "claim/status";
	}

	private String form(Model model, ClaimForm form, Map<String, String> errors, HttpServletResponse response) {
		var window = this.windows.acceptingWindow(form.windowId());
		if (window.isEmpty()) {
			if (errors == null) {
				response.setStatus(404);
			}
			model.addAttribute("windows", this.windows.accepting());
			model.addAttribute("error", "该登记已截止或尚未开始，请从下列正在进行的登记中选择。");
			return "claim/home";
		}
		model.addAttribute("window", window.get());
		model.addAttribute("form", form.forRedisplay());
		model.addAttribute("errors", errors == null ? Map.of() : errors);
		model.addAttribute("claimants", Claimant.values());
		return "claim/form";
	}

}
