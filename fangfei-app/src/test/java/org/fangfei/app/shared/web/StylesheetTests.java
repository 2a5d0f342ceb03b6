package org.fangfei.app.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's stylesheets are well formed: every block closes, and no rule that
 * belongs on screen sits inside an {@code @media} block by accident. (An unclosed
 * {@code @media print} once swallowed every rule after it — the tier colours and the
 * cockpit's figures — so the leaders' cockpit showed blank cards on screen.) And the
 * warning and ad pages use classes, never a style attribute, which the CSP would drop.
 */
class StylesheetTests {

	@Test
	void everyBlockOfEveryStylesheetCloses() throws IOException {
		Resource[] sheets = new PathMatchingResourcePatternResolver().getResources("classpath:/static/css/*.css");
		assertThat(sheets).isNotEmpty();
		for (Resource sheet : sheets) {
			String css = withoutComments(sheet.getContentAsString(StandardCharsets.UTF_8));
			int depth = 0;
			for (int i = 0; i < css.length(); i++) {
				char c = css.charAt(i);
				if (c == '{') {
					depth++;
				}
				else if (c == '}') {
					depth--;
					assertThat(depth).as(sheet.getFilename() + ": a '}' without its '{' at " + i).isNotNegative();
				}
			}
			assertThat(depth).as(sheet.getFilename() + ": blocks left open at the end").isZero();
		}
	}

	@Test
	void noMediaBlockSitsInsideAnother() throws IOException {
		for (Resource sheet : new PathMatchingResourcePatternResolver().getResources("classpath:/static/css/*.css")) {
			assertThat(nestedMedia(withoutComments(sheet.getContentAsString(StandardCharsets.UTF_8))))
				.as(sheet.getFilename())
				.isEmpty();
		}
	}

	@Test
	void theCheckFindsTheUnclosedPrintBlock() {
		String broken = "@media print { .a { display: none; }\n.tier-RED { background: red; }\n"
				+ "@media print { .b { color: red; } }";
		assertThat(nestedMedia(broken)).containsExactly("@media print");
	}

	@Test
	void theWarningAdAndCampaignPagesCarryNoInlineStyleTheCspWouldBlock() throws IOException {
		// style-src 'self': the browser drops a style attribute (the ad post lost its
		// line breaks that way)
		for (String dir : List.of("ad", "warning", "campaigns")) {
			for (Resource page : new PathMatchingResourcePatternResolver()
				.getResources("classpath:/templates/" + dir + "/*.html")) {
				assertThat(page.getContentAsString(StandardCharsets.UTF_8)).as(dir + "/" + page.getFilename())
					.doesNotContain(" style=\"")
					.doesNotContain("th:style");
			}
		}
	}

	/** The @media rules that open while another block is open. */
	private static List<String> nestedMedia(String css) {
		List<String> nested = new ArrayList<>();
		int depth = 0;
		for (int i = 0; i < css.length(); i++) {
			char c = css.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}') {
				depth--;
			}
			else if (c == '@' && depth > 0 && css.startsWith("@media", i)) {
				nested.add(css.substring(i, css.indexOf('{', i)).strip());
			}
		}
		return nested;
	}

	private static String withoutComments(String css) {
		return css.replaceAll("(?s)/\\*.*?\\*/", "");
	}

}
