// The OpenAPI page, from files served by chronicle itself: it works offline and under the CSP.
window.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
