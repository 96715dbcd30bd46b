// Every page is prerendered to static HTML (adapter-static, strict). URLs have no trailing slash:
// /lessons/x is written as lessons/x.html, which static hosts and `vite preview` serve as /lessons/x.
export const prerender = true;
export const trailingSlash = 'never';
