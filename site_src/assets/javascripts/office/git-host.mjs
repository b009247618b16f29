// The Git host's "new file" page with the notice's path and text filled in (GitHub, GitLab, Gitea), for the office
// editor's outputs. Pure: tests/test_office_writer.py runs it under Node.

export const HOSTS = { github: "GitHub", gitlab: "GitLab", gitea: "Gitea" };

/** The new-file URL on `repo` ({host, url, branch}: data/office.json's repository) for `path` holding `text`. */
export function gitUrl(repo, path, text) {
  const e = encodeURIComponent;
  const base = repo.url.replace(/\/+$/, "");
  const branch = String(repo.branch || "main").split("/").map(e).join("/");
  if (repo.host === "gitlab") return `${base}/-/new/${branch}?file_name=${e(path)}&content=${e(text)}`;
  if (repo.host === "gitea") return `${base}/_new/${branch}/?filename=${e(path)}&value=${e(text)}`;
  return `${base}/new/${branch}?filename=${e(path)}&value=${e(text)}`;
}
