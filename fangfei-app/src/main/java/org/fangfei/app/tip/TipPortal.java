package org.fangfei.app.tip;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;

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
 * The public tip portal under {@code /tip} (条例 art. 16: publish the channels, take tips,
 * keep the reporter secret): no account, its own plain layout without any staff link,
 * made for a small phone. Sending and look-ups are limited per address
 * ({@link RateLimits}); sending needs the picture's answer ({@link Captcha}); a filled
 * honeypot field gets a convincing answer and nothing is stored. CSRF protection stays on
 * (the session cookie carries the token).
 */
@Controller
class TipPortal {

	static final String TRACKED = TipPortal.class.getName() + ".tracked";

	private static final Logger log = LoggerFactory.getLogger(TipPortal.class);

	private static final long TRACKED_MILLIS = 15 * 60 * 1000L;

	private final TipIntake intake;

	private final TipTracking tracking;

	private final Captcha captcha;

	private final RateLimits limits;

	TipPortal(TipIntake intake, TipTracking tracking, Captcha captcha, RateLimits limits) {
		this.intake = intake;
		this.tracking = tracking;
		this.captcha = captcha;
		this.limits = limits;
	}

	/**
	 * A tip followed in this session, for adding information without typing the code
	 * again.
	 */
	private record Followed(long tipId, long until) implements Serializable {
	}

	@GetMapping("/tip")
	String home() {
		return "tip/home";
	}

	@GetMapping("/tip/new")
	String form(Model model) {
		return form(model, TipForm.blank(), null);
	}

	@GetMapping("/tip/captcha.png")
	ResponseEntity<byte[]> captcha(HttpSession session) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.body(this.captcha.issue(session));
	}

	@PostMapping("/tip")
	String submit(@ModelAttribute("form") TipForm form,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!TipRules.blank(form.website())) {
			log.info("Tip portal: honeypot field filled, nothing stored");
			model.addAttribute("code", TrackingCode.generate());
			return "tip/sent";
		}
		if (!this.limits.trySubmit(request.getRemoteAddr())) {
			response.setStatus(429);
			return form(model, form, Map.of("_", "提交过于频繁，请稍后再试。如情况紧急，请拨打举报电话。"));
		}
		if (!this.captcha.solved(request.getSession(false), form.captcha())) {
			return form(model, form, Map.of("_", "验证码不正确或已过期，请按新图片重新输入", "captcha", "请输入新图片中的字符"));
		}
		try {
			TipIntake.Receipt receipt = this.intake.submit(form, TipFiles.clean(files));
			model.addAttribute("code", receipt.trackingCode());
			return "tip/sent";
		}
		catch (Rejected ex) {
			response.setStatus(400);
			return form(model, form, FormErrors.of(ex));
		}
	}

	@GetMapping("/tip/track")
	String trackForm() {
		return "tip/track";
	}

	@PostMapping("/tip/track")
	String track(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		String address = request.getRemoteAddr();
		if (!this.limits.tryLookup(address)) {
			response.setStatus(429);
			model.addAttribute("error", "查询过于频繁，请稍后再试。");
			return "tip/track";
		}
		var tip = this.tracking.find(code);
		if (tip.isEmpty()) {
			response.setStatus(404);
			model.addAttribute("error", "没有找到这个查询码，请核对后重试(字母不区分大小写)。");
			return "tip/track";
		}
		this.limits.lookupSucceeded(address);
		request.getSession()
			.setAttribute(TRACKED, new Followed(tip.get(), System.currentTimeMillis() + TRACKED_MILLIS));
		return status(tip.get(), model, null);
	}

	@PostMapping("/tip/track/more")
	String more(@RequestParam(required = false) String more,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		HttpSession session = request.getSession(false);
		Object followed = session == null ? null : session.getAttribute(TRACKED);
		if (!(followed instanceof Followed f) || f.until() < System.currentTimeMillis()) {
			response.setStatus(403);
			model.addAttribute("error", "页面已过期，请重新输入查询码。");
			return "tip/track";
		}
		if (!this.limits.trySubmit(request.getRemoteAddr())) {
			response.setStatus(429);
			return status(f.tipId(), model, "提交过于频繁，请稍后再试。");
		}
		try {
			this.tracking.addInformation(f.tipId(), more, TipFiles.clean(files));
			model.addAttribute("done", "补充的情况已收到。");
			return status(f.tipId(), model, null);
		}
		catch (Rejected ex) {
			response.setStatus(400);
			model.addAttribute("more", more);
			return status(f.tipId(), model, ex.getMessage());
		}
	}

	private String status(long tipId, Model model, String error) {
		model.addAttribute("tracked", this.tracking.status(tipId));
		model.addAttribute("error", error);
		return "tip/status";
	}

	private String form(Model model, TipForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors == null ? Map.of() : errors);
		model.addAttribute("places", this.intake.places());
		return "tip/form";
	}

}
