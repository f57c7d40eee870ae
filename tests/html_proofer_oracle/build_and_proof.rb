# Builds each site with Jekyll the way Isomer builds it, with stub layouts, and runs
# html-proofer 3.19 on the output, in one Ruby process for every site. Run by
# tests/html_proofer_oracle.rs through tests/jekyll_model_oracle/ruby.rs, which defines INPUT
# (the sites) and ARGV[1] (where the answers go).
#
# For each site it answers: where Jekyll wrote every file it read (output -> source), the
# failures html-proofer reports (each with the element and the attribute as written in the
# HTML), and the ones its fragment bug hides (see FrontlintEveryInternalLink).
require "fileutils"
require "set"
require "html-proofer"

Jekyll.logger.log_level = :error

# The real layouts come from Isomer's remote theme, which is not here; a stub that emits only
# the content keeps html-proofer on the links the authors wrote. The doctype matters: under
# HTML5 html-proofer lets an <a> without href pass.
STUB_LAYOUT = <<~HTML
  <!DOCTYPE html>
  <html lang="en"><head><meta charset="utf-8"><title>stub</title></head>
  <body>
  {{ content }}
  </body></html>
HTML

# A layout read from no file: the source folder stays untouched, so nothing is copied.
class FrontlintStubLayout < Jekyll::Layout
  def initialize(site, name)
    @site = site
    @base = @base_dir = site.source
    @name = "#{name}.html"
    @path = File.join(site.source, site.config["layouts_dir"], @name)
    @relative_path = @path.delete_prefix(site.source)
    self.data = {}
    self.content = STUB_LAYOUT
    process(@name)
  end
end

# Which element each issue is about: html-proofer's Issue keeps only a message and the HTML
# line, and the message of a fragment failure does not say which page it was on.
module FrontlintElementTag
  attr_reader :frontlint_tag

  def initialize(obj, check, logger)
    @frontlint_tag = obj.name
    super
  end
end
HTMLProofer::Element.prepend(FrontlintElementTag)

module FrontlintIssueElement
  def create_element(node)
    @frontlint_element = super
  end

  def add_issue(desc, line: nil, path: nil, status: -1, content: nil)
    element = @frontlint_link || @frontlint_element
    record = {
      "file" => path || @path, "line" => line, "desc" => desc,
      "tag" => element&.frontlint_tag,
      # The attribute the link came from, as the HTML holds it (entities decoded).
      "written" => element && [element.href, element.src, element.instance_variable_get(:@srcset)].compact.first,
      "target_exists" => element ? element.exists? : nil
    }
    if @frontlint_every_link
      $frontlint_every_link_issues << record
      return false
    end
    result = super
    @issues.last.instance_variable_set(:@frontlint, record)
    result
  end
end
HTMLProofer::Check.prepend(FrontlintIssueElement)

# html-proofer 3.19 keeps each file's internal links in a hash keyed by the href and merges
# those hashes file after file (Runner#check_parsed), so when several files use the same href
# only the last file's links are checked for their fragment. Checking every file's links right
# after its own run, with html-proofer's own check, shows what that hides.
module FrontlintEveryInternalLink
  # Called by the runner after every file was read, on the last file's check object: the
  # element is the link's, not the last one created.
  def check_internal_link(link, path, line, content)
    @frontlint_link = link
    super
  ensure
    @frontlint_link = nil
  end

  def run
    result = super
    @frontlint_every_link = true
    @internal_urls.each_value do |links|
      links.each { |l| check_internal_link(l.link, l.path, l.line, l.content) }
    end
    result
  ensure
    @frontlint_every_link = false
  end
end
LinkCheck.prepend(FrontlintEveryInternalLink)

def monotonic
  Process.clock_gettime(Process::CLOCK_MONOTONIC)
end

# The zone the process started in: a site's `timezone` sets ENV["TZ"], which would move the
# next site's post dates (and URLs).
START_TZ = ENV["TZ"]

def build(root, dest)
  ENV["TZ"] = START_TZ
  configs = [File.join(root, "_config.yml")] + Dir.glob(File.join(root, "_*/collection.yml")).sort
  config = Jekyll.configuration(
    "source" => root, "destination" => dest, "config" => configs,
    "quiet" => true, "disable_disk_cache" => true
  )
  # What Isomer's build has and this machine does not (the remote theme, jekyll-feed's
  # siblings) only adds layouts and generated pages; the plugins that are installed stay.
  config.delete("remote_theme")
  %w(plugins gems).each do |key|
    config[key] = Array(config[key]).select do |name|
      require name
      true
    rescue LoadError
      false
    end
  end
  site = Jekyll::Site.new(config)
  site.reset
  site.read
  used = (site.pages + site.documents).map { |d| d.data["layout"] }
  used.grep(String).uniq.each { |name| site.layouts[name] = FrontlintStubLayout.new(site, name) }
  site.generate
  site.render
  site.cleanup
  site.write
  site
end

# Output file (relative to the destination) -> source file (relative to the root), for every
# file Jekyll wrote; generated pages (jekyll-feed's feed.xml) have no source.
def outputs(site, dest)
  source = site.source + "/"
  written = site.pages + site.documents.select(&:write?) + site.static_files.select(&:write?)
  written.each_with_object({}) do |item, map|
    # A page's path is relative to the source; a document's and a static file's absolute.
    relative = item.path.delete_prefix(source)
    next unless File.file?(File.join(source, relative))

    map[item.destination(dest).delete_prefix(dest + "/")] = relative
  end
end

def issue_key(record)
  [record["file"], record["line"], record["desc"]]
end

answers = INPUT["sites"].map do |spec|
  root = spec["root"]
  dest = spec["destination"]
  started = monotonic
  cpu_started = Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID)
  site = build(root, dest)
  built = monotonic
  $frontlint_every_link_issues = []
  # --disable-external: the oracle is about the site's own links. --assume-extension: /a
  # serves a.html, as on GitHub Pages and Netlify. Without it html-proofer fails every
  # /cos2021/water that Jekyll wrote as cos2021/water.html, and (its relative paths then start
  # from the page's folder, with no stop at the site's root) every ../images/x on a page at the
  # root: 128 failures on MSE, all of links that work. The issue's 39 for MSE are counted so.
  runner = HTMLProofer.check_directory(dest, disable_external: true, assume_extension: true,
                                             log_level: :fatal)
  runner.check_files
  proofed = monotonic
  # The runner reports a fragment failure again with every later one (it concatenates the
  # last check's whole issue list): one record per file, line and message.
  reported = runner.failures.map { |issue| issue.instance_variable_get(:@frontlint) }
                   .uniq { |r| issue_key(r) }
  every = $frontlint_every_link_issues.uniq { |r| issue_key(r) }
  reported_keys = reported.map { |r| issue_key(r) }.to_set
  every_keys = every.map { |r| issue_key(r) }.to_set
  rel = ->(r) { r.merge("file" => r["file"].delete_prefix(dest + "/")) }
  {
    "root" => root,
    "url" => site.config["url"],
    "build_seconds" => built - started,
    "proof_seconds" => proofed - built,
    "cpu_seconds" => Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID) - cpu_started,
    "html_files" => runner.files.length,
    "outputs" => outputs(site, dest),
    "failures" => reported.map(&rel),
    "hidden_by_fragment_bug" => every.reject { |r| reported_keys.include?(issue_key(r)) }.map(&rel),
    # Fragment failures the runner reported that the re-check did not find: must be none, or
    # the re-check is not html-proofer's own check.
    "recheck_missed" => reported.select { |r| r["desc"].include?("hash") }
                                .reject { |r| every_keys.include?(issue_key(r)) }.map(&rel)
  }
end
File.write(ARGV[1], JSON.generate(answers))
