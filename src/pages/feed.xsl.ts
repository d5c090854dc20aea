// The XSLT stylesheet every RSS and Atom feed names: a browser that opens a feed shows what a feed is,
// how to follow it and its latest items, in the site's look. Its one stylesheet is a file (CSP: style-src 'self').
import type { APIRoute } from 'astro';
import { paths, withBase } from '../lib/urls.ts';
import { site } from '../site.ts';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const stylesheet = () => `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[not(@rel) or @rel='alternate']/@href"/>
  <xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>
  <xsl:template match="/">
    <html lang="${xml(site.lang)}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <link rel="stylesheet" href="${xml(withBase(paths.feedCss()))}"/>
      </head>
      <body>
        <header class="site">
          <div class="wrap bar"><a class="brand" href="${xml(withBase(paths.home()))}">${xml(site.title)}</a></div>
        </header>
        <main id="main" class="wrap">
          <div class="feed-intro">
            <p class="kicker">Web feed</p>
            <h1><xsl:value-of select="$title"/></h1>
            <p class="dek"><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
            <div class="box">
              <p><strong>This page is a feed.</strong> A feed reader (an app or site such as NetNewsWire, Feedly,
                Inoreader or Thunderbird) checks it for you and shows each new item in full, with its sources, as
                soon as it is published. No account with us, no email address, nothing to install here.</p>
              <p>To follow it, copy this address into your feed reader:
                <code class="feed-url"><xsl:value-of select="$self"/></code></p>
            </div>
            <p>Or <a href="{$home}">open the page this feed follows</a>.</p>
          </div>
          <h2>Latest</h2>
          <ul class="feed-items">
            <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>
  <xsl:template match="item">
    <li>
      <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
      <p class="meta"><xsl:value-of select="concat(number(substring(pubDate, 6, 2)), substring(pubDate, 8, 9))"/></p>
      <p><xsl:value-of select="description"/></p>
    </li>
  </xsl:template>
  <xsl:template match="atom:entry">
    <li>
      <h3><a href="{atom:link/@href}"><xsl:value-of select="atom:title"/></a></h3>
      <p class="meta">
        <xsl:value-of select="number(substring(atom:published, 9, 2))"/><xsl:text> </xsl:text>
        <xsl:value-of select="substring('JanFebMarAprMayJunJulAugSepOctNovDec', 3 * number(substring(atom:published, 6, 2)) - 2, 3)"/>
        <xsl:text> </xsl:text><xsl:value-of select="substring(atom:published, 1, 4)"/>
      </p>
      <p><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
`;

export const GET: APIRoute = () => new Response(stylesheet(), { headers: { 'Content-Type': 'application/xslt+xml; charset=utf-8' } });
