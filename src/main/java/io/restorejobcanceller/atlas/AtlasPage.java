package io.restorejobcanceller.atlas;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of an Atlas list: {@code {"links": [...], "results": [...], "totalCount": N}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AtlasPage<T>(List<Link> links, List<T> results, Integer totalCount) {

    /** The most items a page holds (Atlas's maximum): one request per 500 items. */
    public static final int ITEMS_PER_PAGE = 500;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Link(String rel, String href) {
    }

    public AtlasPage {
        links = links == null ? List.of() : links;
        results = results == null ? List.of() : results;
    }

    /**
     * Whether page {@code pageNum} is followed by another: Atlas's {@code next} link says so; without links, the
     * total count does. An empty page is the last whatever they say (a list that shrank while being read).
     */
    public boolean hasNextAfter(int pageNum) {
        if (results.isEmpty()) {
            return false;
        }
        if (!links.isEmpty()) {
            return links.stream().anyMatch(link -> "next".equals(link.rel()));
        }
        return totalCount != null && (long) pageNum * ITEMS_PER_PAGE < totalCount;
    }
}
