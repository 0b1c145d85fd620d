# Loaded by Article Editor into its own preview build of a site (never into the site's
# _site/): every page and post keeps its layout, with its body replaced by a marker where
# the editor puts the live body, and a manifest tells which built file shows which source
# and the front-matter values (ARTICLE_EDITOR_FIELDS) the page was built with.
require "json"

module ArticleEditorPreview
  MARKER = "<!--article-editor:body-->"
  BUILT = {}
  FIELDS = (ENV["ARTICLE_EDITOR_FIELDS"] || "").split(",")
end

Jekyll::Hooks.register [:documents, :pages], :post_convert do |item|
  # Only pages that become HTML: stylesheets and feeds are built as they are.
  item.content = ArticleEditorPreview::MARKER if item.output_ext == ".html"
end

Jekyll::Hooks.register [:documents, :pages], :post_write do |item|
  source = item.respond_to?(:path) ? item.path : nil
  if source && item.respond_to?(:destination)
    fields = {}
    ArticleEditorPreview::FIELDS.each do |name|
      value = item.data[name]
      fields[name] = value if value.is_a?(String)
    end
    ArticleEditorPreview::BUILT[File.expand_path(source, item.site.source)] = {
      "file" => item.destination(item.site.dest), "fields" => fields,
    }
  end
end

Jekyll::Hooks.register :site, :post_write do |_site|
  manifest = ENV["ARTICLE_EDITOR_MANIFEST"]
  File.write(manifest, JSON.generate(ArticleEditorPreview::BUILT)) if manifest
end
