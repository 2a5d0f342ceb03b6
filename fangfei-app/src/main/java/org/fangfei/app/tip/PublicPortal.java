package org.fangfei.app.tip;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the tip portal lends to other public pages without an account (the participants'
 * registration in {@code casefile}), so that they are guarded exactly as the tip portal
 * is: the same CAPTCHA ({@link Captcha}, with its test answer
 * {@code fangfei.tips.captcha.fixed-answer}), the same cleaning or refusal of uploads
 * ({@link TipFiles}), the same unguessable codes ({@link TrackingCode}) and the same
 * detachment from the visitor's request for writes whose audit must not carry their
 * address.
 */
@Component
public class PublicPortal {

	/** An upload cleaned as a tip attachment is, with what was done to it in Chinese. */
	public record CleanedFile(String fileName, String contentType, byte[] bytes, String cleaning) {
	}

	private final Captcha captcha;

	PublicPortal(Captcha captcha) {
		this.captcha = captcha;
	}

	/** A new challenge for this session; the PNG to show. */
	public byte[] captcha(HttpSession session) {
		return this.captcha.issue(session);
	}

	/** Whether the answer is right; the challenge is used up either way. */
	public boolean captchaSolved(HttpSession session, String answer) {
		return this.captcha.solved(session, answer);
	}

	/**
	 * The uploads checked by content and rebuilt, or a {@code Rejected} with the tip
	 * portal's Chinese message (field {@code files}).
	 */
	public List<CleanedFile> clean(List<MultipartFile> files) {
		return TipFiles.clean(files)
			.stream()
			.map(f -> new CleanedFile(f.fileName(), f.contentType(), f.bytes(), f.cleaning().label()))
			.toList();
	}

	/** A fresh 16-character code in groups of four, to show once. */
	public String newCode() {
		return TrackingCode.generate();
	}

	/** The code's significant characters as typed or read aloud; null when it is none. */
	public String normaliseCode(String typed) {
		return TrackingCode.normalise(typed);
	}

	/** Runs {@code work} as the application, detached from the visitor's request. */
	public <T> T detached(Supplier<T> work) {
		return TipIntake.asSystem(work);
	}

}
