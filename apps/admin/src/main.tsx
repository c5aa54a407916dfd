import { AppProviders } from "@omnify/client";
import { ErrorBoundary } from "@omnify/ui";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppCrashed } from "./app-crashed.tsx";
import { router } from "./router.tsx";
import "./styles.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary
      fallback={(props) => <AppCrashed {...props} />}
      onError={(error) => console.error("The app crashed", error)}
    >
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </ErrorBoundary>
  </StrictMode>,
);
