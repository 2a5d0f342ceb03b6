package org.fangfei.app.ad;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ad screening as JSON: a crawler (接入系统, bearer token bound to an office account) posts
 * the texts it found; the hits for other systems.
 */
@RestController
@RequestMapping("/api/v1/ads")
@Tag(name = "广告资讯排查", description = "提交广告资讯排查，查询命中结果")
class AdApi {

	private final AdScreening screening;

	private final AdPosts posts;

	AdApi(AdScreening screening, AdPosts posts) {
		this.screening = screening;
		this.posts = posts;
	}

	@PostMapping("/screen")
	@PreAuthorize("hasAuthority('ad:ad:screen')")
	@Operation(summary = "提交排查", description = "一批最多 5000 条（url、title、text、publishedAt）；任一条有误则整批不保存")
	AdScreening.Screened screen(@RequestBody List<PostInput> items, Actor actor) {
		return this.screening.screen(items, "API", null, actor);
	}

	@GetMapping("/hits")
	@PreAuthorize("hasAuthority('ad:ad:view')")
	@Operation(summary = "命中列表", description = "按评分从高到低，相同内容合并为一条（repeats 为发布次数）")
	PageOf<AdPost> hits(@RequestParam(required = false) Long batch, @RequestParam(required = false) Integer minScore,
			@RequestParam(defaultValue = "1") int page, DataScope scope) {
		return this.posts.search(new AdPosts.Query(false, batch, minScore, null), scope, PageRequest.of(page));
	}

}
