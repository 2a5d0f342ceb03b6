package org.fangfei.app.tip;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import javax.imageio.ImageIO;

import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 验证码 without any outside service: five characters from an alphabet without look-alikes
 * ({@link #ALPHABET}, 23 characters, so 23^5 ≈ 6.4 million answers and a blind guess wins
 * about once in 6 million tries), drawn by the server with java.awt in headless mode,
 * each character turned and shifted, over noise lines. The answer stays in the reporter's
 * session; a challenge expires after five minutes and is used up by the first answer,
 * right or wrong, so it cannot be tried twice. Case does not matter.
 *
 * <p>
 * {@code fangfei.tips.captcha.fixed-answer} makes every challenge's answer that value; it
 * is set only by the test configuration (surefire) and the load script, never in
 * production, and the application warns at start when it is set.
 */
@Component
class Captcha {

	static final String SESSION_KEY = Captcha.class.getName();

	static final Duration LIFETIME = Duration.ofMinutes(5);

	/**
	 * Upper case letters and digits that cannot be taken for one another (no 0/O, 1/I/L,
	 * 2/Z, 5/S, 8/B).
	 */
	static final String ALPHABET = "ACDEFHJKMNPRTUVWXY34679";

	static final int LENGTH = 5;

	private static final Logger log = LoggerFactory.getLogger(Captcha.class);

	private final SecureRandom random = new SecureRandom();

	private final String fixedAnswer;

	private final Clock clock;

	@Autowired
	Captcha(@Value("${fangfei.tips.captcha.fixed-answer:}") String fixedAnswer) {
		this(fixedAnswer, Clock.systemUTC());
	}

	Captcha(String fixedAnswer, Clock clock) {
		this.fixedAnswer = fixedAnswer == null || fixedAnswer.isBlank() ? null : fixedAnswer.strip();
		this.clock = clock;
		if (this.fixedAnswer != null) {
			log.warn("fangfei.tips.captcha.fixed-answer is set: the tip portal's CAPTCHA is solvable by scripts. "
					+ "This is for tests and benchmarks only; never set it in production.");
		}
	}

	private record Challenge(String answer, long expiresAt) implements Serializable {
	}

	/** A new challenge for this session, replacing any earlier one; the PNG to show. */
	byte[] issue(HttpSession session) {
		StringBuilder text = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			text.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		String answer = this.fixedAnswer != null ? this.fixedAnswer : text.toString();
		session.setAttribute(SESSION_KEY, new Challenge(answer, this.clock.millis() + LIFETIME.toMillis()));
		return draw(text.toString());
	}

	/** Whether the answer is right; the challenge is used up either way. */
	boolean solved(HttpSession session, String answer) {
		if (session == null) {
			return false;
		}
		Object stored = session.getAttribute(SESSION_KEY);
		session.removeAttribute(SESSION_KEY);
		if (!(stored instanceof Challenge challenge) || answer == null) {
			return false;
		}
		return challenge.expiresAt() > this.clock.millis() && challenge.answer().equalsIgnoreCase(answer.strip());
	}

	private byte[] draw(String text) {
		int width = 180;
		int height = 56;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(new Color(245, 245, 240));
			g.fillRect(0, 0, width, height);
			for (int i = 0; i < 8; i++) {
				g.setColor(randomColor(140, 210));
				g.setStroke(new BasicStroke(1 + this.random.nextFloat()));
				g.drawLine(this.random.nextInt(width), this.random.nextInt(height), this.random.nextInt(width),
						this.random.nextInt(height));
			}
			int x = 12;
			for (char c : text.toCharArray()) {
				Font font = new Font(Font.SANS_SERIF, Font.BOLD, 26 + this.random.nextInt(6));
				AffineTransform turn = AffineTransform.getRotateInstance((this.random.nextDouble() - 0.5) * 0.6);
				g.setFont(font.deriveFont(turn));
				g.setColor(randomColor(20, 110));
				g.drawString(String.valueOf(c), x, 34 + this.random.nextInt(10));
				x += 31 + this.random.nextInt(4);
			}
			for (int i = 0; i < 120; i++) {
				image.setRGB(this.random.nextInt(width), this.random.nextInt(height), randomColor(60, 200).getRGB());
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private Color randomColor(int low, int high) {
		return new Color(low + this.random.nextInt(high - low), low + this.random.nextInt(high - low),
				low + this.random.nextInt(high - low));
	}

}
