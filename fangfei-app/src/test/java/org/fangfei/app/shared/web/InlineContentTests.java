package org.fangfei.app.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing in a page that the Content-Security-Policy drops. The policy
 * ({@code SecurityConfiguration}) is {@code style-src 'self'; script-src 'self'}: the
 * browser refuses a {@code style} attribute or element, an event-handler attribute
 * ({@code onsubmit="…"}), a script body in the page and a {@code javascript:} link — the
 * page then looks or works broken without any error on the server. Scripts may set styles
 * through the CSSOM ({@code element.style.x}, {@code style.cssText}: ECharts' SVG
 * renderer does), but not {@code setAttribute('style', …)} nor markup with a style
 * attribute through {@code innerHTML}; ECharts' default HTML tooltip is such markup, so
 * every tooltip names its formatter or renders as rich text. Every template, static page
 * and script is scanned, and every finding is named with its file and line.
 */
class InlineContentTests {

	/** The start of a tag up to an attribute (quoted values may hold a '>'). */
	private static final String TAG = "<[a-zA-Z](?:[^>\"']|\"[^\"]*\"|'[^']*')*?";

	/** What the policy drops in a template or a static page, with why. */
	private static final List<Rule> PAGE_RULES = List.of(
			new Rule(Pattern.compile(TAG + "\\s(style\\s*=)"), "a style attribute"),
			new Rule(Pattern.compile("((?:th:|data-th-)style(?:append)?\\s*=)"), "th:style"),
			new Rule(Pattern.compile("((?:th:|data-th-)attr(?:append|prepend)?\\s*=\\s*\"[^\"]*\\bstyle\\s*=)"),
					"th:attr setting style"),
			new Rule(Pattern.compile("(<style)[\\s>]"), "a <style> element"),
			new Rule(Pattern.compile(TAG + "\\s((?:th:|data-th-)?on[a-z]+\\s*=)"), "an inline event handler"),
			new Rule(Pattern.compile("(<script)(?![^>]*\\b(?:src\\s*=|type=\"application/json\"))[^>]*>"),
					"an inline <script> body"),
			new Rule(Pattern.compile("(?:href|action|src)\\s*=\\s*[\"'](\\s*javascript:)"), "a javascript: URL"));

	/** What a script may not do under the policy. */
	private static final List<Rule> SCRIPT_RULES = List.of(
			new Rule(Pattern.compile("(setAttribute\\(\\s*['\"]style['\"])"), "setAttribute('style', …)"),
			new Rule(Pattern.compile("(style=\\\\?[\"'])"), "markup with a style attribute"),
			new Rule(Pattern.compile("(<style)"), "a <style> element"),
			new Rule(Pattern.compile("(tooltip:)\\s*\\{(?![^}]*(?:formatter|renderMode:\\s*'richText'))[^}]*\\}"),
					"an ECharts tooltip with its default HTML markup (style attributes)"));

	@Test
	void noTemplateNorStaticPageCarriesWhatThePolicyDrops() throws IOException {
		List<String> found = new ArrayList<>();
		for (String location : List.of("classpath*:/templates/**/*.html", "classpath*:/static/**/*.html")) {
			for (Resource page : new PathMatchingResourcePatternResolver().getResources(location)) {
				found.addAll(scan(name(page), page.getContentAsString(StandardCharsets.UTF_8), PAGE_RULES));
			}
		}
		assertThat(found).as("what the Content-Security-Policy would drop").isEmpty();
	}

	@Test
	void noScriptSetsAStyleThePolicyDrops() throws IOException {
		Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:/static/**/*.js");
		assertThat(scripts).isNotEmpty();
		List<String> found = new ArrayList<>();
		for (Resource script : scripts) {
			found.addAll(scan(name(script), script.getContentAsString(StandardCharsets.UTF_8), SCRIPT_RULES));
		}
		assertThat(found).as("what the Content-Security-Policy would drop").isEmpty();
	}

	@Test
	void theScanFindsEachKindOfOffence() {
		String page = """
				<div class="a" style="max-height: 12rem">
				<input th:style="'width:' + ${w}">
				<td th:attr="data-label=${x},style='color:red'">
				<form method="post"
				      onsubmit="return confirm('x')">
				<button th:onclick="|go(${id})|">
				<script>alert(1)</script>
				<script th:src="@{/js/app.js}"></script>
				<a href="javascript:void(0)">
				<style>.a{}</style>
				<p class="stylish" data-onboard="1">onclick= in text is prose</p>
				<div th:if="${a > b}" style="color:red">
				""";
		assertThat(scan("page.html", page, PAGE_RULES)).containsExactly("page.html:1 a style attribute",
				"page.html:2 th:style", "page.html:3 th:attr setting style", "page.html:5 an inline event handler",
				"page.html:6 an inline event handler", "page.html:7 an inline <script> body",
				"page.html:9 a javascript: URL", "page.html:10 a <style> element", "page.html:12 a style attribute");
		String script = """
				el.setAttribute('style', 'color:red');
				el.innerHTML = '<span style="color:red">x</span>';
				el.style.color = 'red';
				chart.setOption({ tooltip: { trigger: 'axis' } });
				chart.setOption({ tooltip: { trigger: 'axis', renderMode: 'richText' } });
				chart.setOption({ tooltip: { formatter: function (p) { return p.name; } } });
				""";
		assertThat(scan("x.js", script, SCRIPT_RULES)).containsExactly("x.js:1 setAttribute('style', …)",
				"x.js:2 markup with a style attribute",
				"x.js:4 an ECharts tooltip with its default HTML markup (style attributes)");
	}

	/**
	 * Each offence as {@code file:line what}, the line of the offending part (a tag may
	 * run over several lines).
	 */
	private static List<String> scan(String name, String text, List<Rule> rules) {
		record Found(int at, String what) {
		}
		List<Found> found = new ArrayList<>();
		for (Rule rule : rules) {
			Matcher m = rule.pattern().matcher(text);
			while (m.find()) {
				found.add(new Found(m.start(1), rule.what()));
			}
		}
		return found.stream()
			.sorted(java.util.Comparator.comparingInt(Found::at))
			.map(f -> name + ":" + (1 + text.substring(0, f.at()).chars().filter(c -> c == '\n').count()) + " "
					+ f.what())
			.toList();
	}

	private static String name(Resource resource) throws IOException {
		String url = resource.getURL().toString();
		int at = Math.max(url.lastIndexOf("/templates/"), url.lastIndexOf("/static/"));
		return at < 0 ? url : url.substring(at + 1);
	}

	private record Rule(Pattern pattern, String what) {
	}

}
