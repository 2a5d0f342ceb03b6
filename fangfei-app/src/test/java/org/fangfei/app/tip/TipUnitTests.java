package org.fangfei.app.tip;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tracking codes, the CAPTCHA and the file cleaning, without the application (the limits,
 * which live in the database: {@link RateLimitTests}).
 */
class TipUnitTests {

	@Test
	void trackingCodesAreGroupedCrockfordWithEightyBitsAndReadAloudFriendly() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String code = TrackingCode.generate();
			assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
			assertThat(seen.add(code)).isTrue();
		}
		String code = seen.iterator().next();
		String spoken = code.toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l');
		assertThat(TrackingCode.normalise(spoken)).isEqualTo(code.replace("-", ""));
		assertThat(TrackingCode.normalise("7K3M-Q9XD-2HTB")).isNull();
		assertThat(TrackingCode.normalise("7K3M-Q9XD-2HTB-W5N'")).isNull();
	}

	@Test
	void captchaIsSingleUseAndExpires() {
		Instant[] now = { Instant.parse("2026-03-01T08:00:00Z") };
		Clock clock = new Clock() {
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			public Instant instant() {
				return now[0];
			}
		};
		Captcha captcha = new Captcha("", clock);
		MockHttpSession session = new MockHttpSession();
		byte[] png = captcha.issue(session);
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		String answer = answerIn(session);
		assertThat(captcha.solved(session, "999")).isFalse();
		assertThat(captcha.solved(session, answer)).as("used up by the wrong answer").isFalse();
		captcha.issue(session);
		String second = answerIn(session);
		assertThat(captcha.solved(session, second)).isTrue();
		assertThat(captcha.solved(session, second)).as("single use").isFalse();
		captcha.issue(session);
		String third = answerIn(session);
		now[0] = now[0].plus(Captcha.LIFETIME).plusSeconds(1);
		assertThat(captcha.solved(session, third)).as("expired").isFalse();
		assertThat(captcha.solved(null, "1")).isFalse();
	}

	@Test
	void captchaAnswersAreFiveCharactersFromMillionsSoABlindGuessIsWorthless() {
		Captcha captcha = new Captcha("", Clock.systemUTC());
		assertThat(Math.pow(Captcha.ALPHABET.length(), Captcha.LENGTH)).as("answer space").isGreaterThan(1_000_000);
		Set<String> answers = new HashSet<>();
		List<Set<Character>> seenAt = new ArrayList<>();
		for (int p = 0; p < Captcha.LENGTH; p++) {
			seenAt.add(new HashSet<>());
		}
		for (int i = 0; i < 1000; i++) {
			MockHttpSession session = new MockHttpSession();
			captcha.issue(session);
			String answer = answerIn(session);
			assertThat(answer).matches("[" + Captcha.ALPHABET + "]{5}");
			answers.add(answer);
			for (int p = 0; p < Captcha.LENGTH; p++) {
				seenAt.get(p).add(answer.charAt(p));
			}
		}
		assertThat(answers).as("practically no repeats").hasSizeGreaterThan(995);
		for (Set<Character> seen : seenAt) {
			assertThat(seen).as("every character can appear at every position").hasSize(Captcha.ALPHABET.length());
		}
		MockHttpSession session = new MockHttpSession();
		captcha.issue(session);
		String answer = answerIn(session);
		assertThat(captcha.solved(session, " " + answer.toLowerCase() + " ")).as("case and spaces do not matter")
			.isTrue();
	}

	@Test
	void aWrongCaptchaAnswerBurnsTheChallengeSoGuessesCannotBeRepeated() {
		Captcha captcha = new Captcha("", Clock.systemUTC());
		MockHttpSession session = new MockHttpSession();
		captcha.issue(session);
		String answer = answerIn(session);
		String wrong = answer.charAt(0) == 'A' ? "C" + answer.substring(1) : "A" + answer.substring(1);
		assertThat(captcha.solved(session, wrong)).isFalse();
		assertThat(session.getAttribute(Captcha.SESSION_KEY)).as("challenge gone after one wrong answer").isNull();
		assertThat(captcha.solved(session, answer)).isFalse();
	}

	private static String answerIn(MockHttpSession session) {
		Object challenge = session.getAttribute(Captcha.SESSION_KEY);
		try {
			var accessor = challenge.getClass().getDeclaredMethod("answer");
			accessor.setAccessible(true);
			return (String) accessor.invoke(challenge);
		}
		catch (ReflectiveOperationException ex) {
			throw new AssertionError(ex);
		}
	}

	@Test
	void docxPropertiesLoseTheirAuthor() throws Exception {
		TipFiles.Cleaned cleaned = TipFiles.clean(TipFixtures.docx("王小明"), 1);
		assertThat(cleaned.contentType()).contains("wordprocessingml");
		assertThat(cleaned.fileName()).isEqualTo("附件1.docx");
		StringBuilder all = new StringBuilder();
		Set<String> names = new HashSet<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(cleaned.bytes()))) {
			ZipEntry e;
			while ((e = zip.getNextEntry()) != null) {
				names.add(e.getName());
				all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(names).contains("word/document.xml", "docProps/core.xml", "docProps/app.xml");
		assertThat(all.toString()).contains("高息揽储情况说明").doesNotContain("王小明").doesNotContain("creator");
	}

	@Test
	void photosAreReencodedWithoutExif() throws Exception {
		byte[] withExif = TipFixtures.jpegWithExif();
		assertThat(new String(withExif, StandardCharsets.ISO_8859_1)).contains("GPSLatitude");
		TipFiles.Cleaned cleaned = TipFiles.clean(withExif, 2);
		assertThat(cleaned.contentType()).isEqualTo("image/jpeg");
		assertThat(new String(cleaned.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif")
			.doesNotContain("GPSLatitude");
	}

	@Test
	void disguisedAndRiskyFilesAreRefusedByContent() {
		assertThatThrownBy(() -> TipFiles.clean("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), 1))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("类型不支持");
		assertThatThrownBy(() -> TipFiles.clean("%PDF-1.7\n/Author (王小明)".getBytes(StandardCharsets.UTF_8), 1))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("PDF");
		byte[] fakeJpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3 };
		assertThatThrownBy(() -> TipFiles.clean(fakeJpeg, 3)).isInstanceOf(Rejected.class).hasMessageContaining("无法读取");
		byte[] zipNotWord = { 'P', 'K', 3, 4, 0, 0 };
		assertThatThrownBy(() -> TipFiles.clean(zipNotWord, 4)).isInstanceOf(Rejected.class)
			.hasMessageContaining("Word");
	}

}
