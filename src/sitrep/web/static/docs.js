// The API reference: Swagger UI over our OpenAPI schema. A file of its own, not an inline
// script, because the Content-Security-Policy allows scripts from this origin only.
window.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
