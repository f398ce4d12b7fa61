import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";

// The frame every Digihelpers email shares. Pure: all text arrives already translated, so the
// templates know nothing about i18next and render the same in a test as in the worker.

export interface LayoutText {
  /** The address of the site, shown under the signature. */
  footer: string;
  /** "If the button does not work, copy this address": precedes the raw URL. */
  linkFallback: string;
}

const body = { backgroundColor: "#f1f5f9", fontFamily: "Arial, Helvetica, sans-serif" };
const container = {
  backgroundColor: "#ffffff",
  color: "#1b1f24",
  margin: "24px auto",
  maxWidth: "560px",
  padding: "24px",
};
const text = { fontSize: "16px", lineHeight: "24px" };
const button = {
  backgroundColor: "#0b5394",
  borderRadius: "8px",
  color: "#ffffff",
  display: "inline-block",
  fontSize: "16px",
  fontWeight: 600,
  padding: "12px 20px",
  textDecoration: "none",
};
const muted = { color: "#4a5360", fontSize: "14px", lineHeight: "20px" };

export function EmailLayout(props: {
  lang: string;
  preview: string;
  heading: string;
  layout: LayoutText;
  children: ReactNode;
}) {
  return (
    <Html lang={props.lang} dir="ltr">
      <Head>
        <title>{props.heading}</title>
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Heading as="h1" style={{ fontSize: "22px", lineHeight: "28px" }}>
            {props.heading}
          </Heading>
          {props.children}
          <Hr />
          <Text style={muted}>{props.layout.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={text}>{children}</Text>;
}

/** A button whose text says where it goes, then the raw address for mail readers without HTML. */
export function CallToAction(props: { url: string; label: string; layout: LayoutText }) {
  return (
    <Section>
      <Button href={props.url} style={button}>
        {props.label}
      </Button>
      <Text style={muted}>
        {props.layout.linkFallback}
        <br />
        <Link href={props.url}>{props.url}</Link>
      </Text>
    </Section>
  );
}
